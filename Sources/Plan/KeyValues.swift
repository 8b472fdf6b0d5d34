public import Domain
public import Foundation

/// The settings of a key that a plan compares and shows, before or after a change.
public struct KeyValues: Codable, Hashable, Sendable {
    public var name: String
    public var limit: USD?
    public var limitReset: LimitReset?
    public var includeBYOKInLimit: Bool
    public var disabled: Bool
    public var expiresAt: Date?

    public init(name: String, limit: USD?, limitReset: LimitReset?, includeBYOKInLimit: Bool, disabled: Bool, expiresAt: Date?) {
        self.name = name
        self.limit = limit
        self.limitReset = limitReset
        self.includeBYOKInLimit = includeBYOKInLimit
        self.disabled = disabled
        self.expiresAt = expiresAt
    }

    /// The fields OpenRouter can change in place (everything but the expiry).
    public enum Field: String, Codable, CaseIterable, Hashable, Sendable {
        case name, limit
        case limitReset = "limit_reset"
        case includeBYOKInLimit = "include_byok_in_limit"
        case disabled
        case expiresAt = "expires_at"
    }

    /// The fields whose values differ, in a fixed order.
    public func differences(from other: KeyValues, including fields: [Field] = Field.allCases) -> [Field] {
        fields.filter { field in
            switch field {
            case .name: name != other.name
            case .limit: limit != other.limit
            case .limitReset: limitReset != other.limitReset
            case .includeBYOKInLimit: includeBYOKInLimit != other.includeBYOKInLimit
            case .disabled: disabled != other.disabled
            case .expiresAt: !Self.sameMoment(expiresAt, other.expiresAt)
            }
        }
    }

    /// Expiry moments match within a minute: OpenRouter and the state round differently.
    static func sameMoment(_ a: Date?, _ b: Date?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a.timeIntervalSince(b)) < 60
        default: false
        }
    }

    /// The fields that `PATCH /keys/{hash}` can change.
    public static let mutableFields: [Field] = [.name, .limit, .limitReset, .includeBYOKInLimit, .disabled]
}
