/// The secret of an OpenRouter key (`sk-or-v1-…`), which OpenRouter shows only once.
///
/// Secrets cannot reach output by accident: `description`, `debugDescription` and string
/// interpolation all give the masked preview. The one way to the full value is `revealed`, and
/// only the commands that deliberately print or seal a secret call it.
public struct KeySecret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The full secret. Call only to seal it, send it, or print it on explicit request.
    public var revealed: String { value }

    /// First 8 and last 4 characters, such as `sk-or-v1…9f2c`; shorter values are fully masked.
    public var preview: String {
        let utf8 = value.utf8
        // Secrets are ASCII, where a byte is a character: no grapheme breaking for each of the
        // thousands of previews a state write makes. Anything else takes the general path.
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            guard value.count >= 24 else { return "…" }
            return "\(value.prefix(8))…\(value.suffix(4))"
        }
        guard utf8.count >= 24 else { return "…" }
        return String(decoding: utf8.prefix(8), as: UTF8.self) + "…" + String(decoding: utf8.suffix(4), as: UTF8.self)
    }

    public var description: String { preview }
    public var debugDescription: String { "KeySecret(\(preview))" }
    /// `dump` and debuggers reflect on stored properties; show them the preview only.
    public var customMirror: Mirror { Mirror(self, children: ["preview": preview]) }
}
