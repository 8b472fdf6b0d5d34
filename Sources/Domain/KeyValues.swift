public import Foundation

/// The settings of one OpenRouter key: the one definition that the manifest model's desired
/// values, the state entry, the live key, the journal and every plan change share.
///
/// Adding a setting is two edits: a stored property and its `Field` case here (the comparison and
/// the canonical text below follow from the case), and its mapping to and from the API's fields.
/// The state file spells its fields out in its own versioned format.
public struct KeyValues: Codable, Hashable, Sendable {
    /// The key's name on OpenRouter.
    public var name: String
    /// The spending limit per window; nil for no limit.
    public var limit: USD?
    /// The window the limit applies to; nil for a lifetime limit.
    public var limitReset: LimitReset?
    /// Whether spend through the user's own provider keys (BYOK) counts against the limit.
    public var includeBYOKInLimit: Bool
    public var disabled: Bool
    /// When the key stops working; nil for never. OpenRouter cannot change it after the create.
    public var expiresAt: Date?

    public init(name: String, limit: USD? = nil, limitReset: LimitReset? = nil, includeBYOKInLimit: Bool = false,
                disabled: Bool = false, expiresAt: Date? = nil) {
        self.name = name
        self.limit = limit
        self.limitReset = limitReset
        self.includeBYOKInLimit = includeBYOKInLimit
        self.disabled = disabled
        self.expiresAt = expiresAt
    }

    /// One setting, named as OpenRouter's API and keyplane's files name it.
    public enum Field: String, Codable, CaseIterable, Hashable, Sendable {
        case name, limit
        case limitReset = "limit_reset"
        case includeBYOKInLimit = "include_byok_in_limit"
        case disabled
        case expiresAt = "expires_at"

        /// Whether `PATCH /keys/{hash}` can change the field in place. A key's expiry cannot be
        /// changed: a different expiry means a new key.
        public var isMutable: Bool { self != .expiresAt }
    }

    /// The fields that `PATCH /keys/{hash}` can change.
    public static let mutableFields: [Field] = Field.allCases.filter(\.isMutable)

    /// Whether the field holds the same value in both. Expiry moments match within a minute:
    /// OpenRouter and the state round them differently.
    public func same(_ field: Field, as other: KeyValues) -> Bool {
        switch field {
        case .name: name == other.name
        case .limit: limit == other.limit
        case .limitReset: limitReset == other.limitReset
        case .includeBYOKInLimit: includeBYOKInLimit == other.includeBYOKInLimit
        case .disabled: disabled == other.disabled
        case .expiresAt: Self.sameMoment(expiresAt, other.expiresAt)
        }
    }

    /// The fields whose values differ, in a fixed order.
    public func differences(from other: KeyValues, including fields: [Field] = Field.allCases) -> [Field] {
        fields.filter { !same($0, as: other) }
    }

    /// Whether two expiry moments are the same within a minute (see `same(_:as:)`).
    public static func sameMoment(_ a: Date?, _ b: Date?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a.timeIntervalSince(b)) < 60
        default: false
        }
    }
}
