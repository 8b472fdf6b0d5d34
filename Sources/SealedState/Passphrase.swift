/// A passphrase that opens the state. Its description is masked, so it cannot reach output by
/// accident.
public struct Passphrase: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let bytes: [UInt8]

    /// A passphrase from text; one trailing newline (as files usually end) is dropped.
    public init(_ text: String) {
        var text = text
        if text.hasSuffix("\r\n") { text.removeLast(2) } else if text.hasSuffix("\n") { text.removeLast() }
        bytes = Array(text.utf8)
    }

    public var isEmpty: Bool { bytes.isEmpty }
    public var description: String { "Passphrase(…)" }
    public var debugDescription: String { description }
}
