/// The one escaper for every markdown keyplane writes: the plan's pull-request comment, STATUS.md
/// and commit messages.
///
/// Text that came from outside keyplane's own words (key names and labels from OpenRouter, which
/// anyone with dashboard access controls, and API error text) goes in through `inert`: a code
/// span, inside which GitHub-flavoured markdown makes no link, autolink, image, emphasis or HTML,
/// and in which GitHub never turns `@name` or `#123` into a mention or a reference. Text the
/// repository's own reviewed manifests wrote (display names, emails) goes in through `escape`.
public enum MarkdownText {
    /// Where the text goes: a table cell also ends at an unescaped `|`, even inside a code span.
    public enum Context: Sendable {
        case prose
        case tableCell
    }

    /// `text` as a code span that renders as exactly its characters (line breaks and control
    /// characters shown as spaces and `�`), whatever it holds. The fence is one backtick longer
    /// than the longest run of backticks in the text, and the text is padded with a space on
    /// each side when it starts or ends with a backtick or a space, which CommonMark strips again.
    public static func inert(_ text: String, in context: Context = .prose) -> String {
        guard !text.isEmpty else { return "_(empty)_" }
        var body = ""
        body.reserveCapacity(text.utf8.count + 4)
        var longestRun = 0
        var run = 0
        for scalar in text.unicodeScalars {
            if scalar == "`" {
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
            }
            switch scalar {
            case "\n", "\r", "\t": body.append(" ")
            case "|" where context == .tableCell: body.append("\\|")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    body.append("\u{FFFD}")
                } else {
                    body.unicodeScalars.append(scalar)
                }
            }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let needsPadding = body.first == "`" || body.last == "`" || body.first == " " || body.last == " "
        return needsPadding ? "\(fence) \(body) \(fence)" : "\(fence)\(body)\(fence)"
    }

    /// Characters with a meaning inside a GFM line or table cell, escaped with a backslash.
    /// Escaped text never starts a line, so block markers (`#`, `-`, `+`) need no escape.
    private static let special: Set<Character> = [
        "\\", "`", "*", "_", "[", "]", "|", "<", ">", "~", "&", "!",
    ]

    /// `text` with every markdown-special character escaped and line breaks turned into spaces:
    /// for the repository's own words, such as a client's display name.
    public static func escape(_ text: String) -> String {
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

    /// `text` as inline code. Only for keyplane's own identifiers and addresses, which never hold
    /// a backtick; anything else goes through `inert`.
    public static func code(_ text: String) -> String { "`\(text)`" }
}
