/// The rule every manifest identifier follows: 1 to 63 characters of lowercase letters, digits,
/// `-` and `_`, starting with a letter or digit. Short, stable, safe in paths, URLs and git.
public enum IdentifierSyntax {
    public static let maximumLength = 63

    /// Whether `text` is a valid identifier.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= maximumLength, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// A sentence that says what a valid identifier looks like, for error messages.
    public static let rule = "use 1 to 63 lowercase letters, digits, '-' or '_', starting with a letter or digit"

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}

/// A client organisation's id, such as `acme`.
public struct ClientID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// Nil unless `rawValue` follows `IdentifierSyntax`.
    public init?(_ rawValue: String) {
        guard IdentifierSyntax.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A user's id, unique across the whole repository, such as `alice`.
public struct UserID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init?(_ rawValue: String) {
        guard IdentifierSyntax.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A key's name within its owner, such as `prod-api` or `personal`.
public struct KeyName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init?(_ rawValue: String) {
        guard IdentifierSyntax.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
