/// Escaping for text that goes into generated markdown, so names, emails and drift messages
/// render as the characters they are and cannot start a link, a table cell or an HTML tag.
enum MarkdownText {
    /// Characters with a meaning inside a GFM line or table cell, escaped with a backslash. Escaped
    /// text never starts a line, so block markers (`#`, `-`, `+`) need no escape.
    private static let special: Set<Character> = [
        "\\", "`", "*", "_", "[", "]", "|", "<", ">", "~", "&",
    ]

    /// `text` with every markdown-special character escaped and line breaks turned into spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if character == "\n" || character == "\r" || character == "\r\n" {
                out.append(" ")
            } else {
                if special.contains(character) { out.append("\\") }
                out.append(character)
            }
        }
        return out
    }

    /// `text` as inline code. Only for identifiers and addresses, which never hold a backtick.
    static func code(_ text: String) -> String { "`\(text)`" }
}
