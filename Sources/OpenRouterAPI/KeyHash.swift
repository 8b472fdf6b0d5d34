/// The permanent id of an OpenRouter key: 64 lowercase hex characters, used in every
/// `/keys/{hash}` path. Treated as opaque; the simulator happens to use SHA-256 of the secret.
public struct KeyHash: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Whether the text has the documented shape (64 lowercase hex characters).
    public var isWellFormed: Bool {
        rawValue.utf8.count == 64 && rawValue.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    /// `f01d5260…e943`, short enough for messages.
    public var short: String { rawValue.count > 12 ? "\(rawValue.prefix(8))…\(rawValue.suffix(4))" : rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: KeyHash, rhs: KeyHash) -> Bool { lhs.rawValue < rhs.rawValue }
}
