/// What OpenRouter's document allows in a workspace's fields, defined once for the simulator's
/// checks and for anyone validating a workspace before sending it.
public enum WorkspaceFieldRules {
    public static let maximumNameLength = 100
    public static let maximumSlugLength = 50
    public static let maximumDescriptionLength = 500
    /// The slug rule in words, for messages.
    public static let slugRule = "lowercase letters and digits in segments joined by single hyphens, at most 50 characters"

    /// Whether `slug` matches `^[a-z0-9]+(?:-[a-z0-9]+)*$` and is 1 to 50 characters long.
    public static func isValidSlug(_ slug: String) -> Bool {
        let bytes = Array(slug.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumSlugLength, bytes.first != UInt8(ascii: "-"),
            bytes.last != UInt8(ascii: "-")
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let isAlphanumeric = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard isAlphanumeric || byte == UInt8(ascii: "-") else { return false }
            if byte == UInt8(ascii: "-"), previous == UInt8(ascii: "-") { return false }
            previous = byte
        }
        return true
    }
}
