/// Why a text is not a YAML document keyplane can read.
public struct YAMLError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// libyaml's scanner or parser stopped, or an alias names no anchor.
        case syntax
        /// The same key appears twice in one mapping; `problem` is the key.
        case duplicateKey
        /// The bytes are not text libyaml can read (an encoding problem).
        case unreadable
        /// More than one document in the stream.
        case multipleDocuments
    }

    public let kind: Kind
    /// What is wrong, in libyaml's words ("found unexpected end of stream"), or the repeated key.
    public let problem: String
    /// Where the problem was found.
    public let mark: YAMLMark
    /// What was being read when it was found ("while scanning a quoted scalar"), and where that began.
    public let context: (text: String, mark: YAMLMark)?

    public static func == (lhs: YAMLError, rhs: YAMLError) -> Bool {
        lhs.kind == rhs.kind && lhs.problem == rhs.problem && lhs.mark == rhs.mark
            && lhs.context?.text == rhs.context?.text && lhs.context?.mark == rhs.context?.mark
    }
}
