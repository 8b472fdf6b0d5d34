/// An error from libgit2, naming the C function that failed and carrying the library's own message.
public struct GitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure this was, for callers that react to some of them.
    public enum Kind: Equatable, Sendable {
        /// The object, reference or path does not exist.
        case notFound
        /// A reference did not hold the value the caller expected (a lost compare-and-swap).
        case modified
        /// The reference or object already exists.
        case exists
        /// Another process holds git's lock file for the reference, for the moment it writes it.
        case locked
        /// The remote rejected a push, for example because it moved since the last fetch.
        case rejected
        /// A push found the remote's branch somewhere other than where the caller expected it,
        /// so it changed nothing there (see `GitRepository.push(branch:to:expecting:)`).
        case remoteMoved
        /// Any other failure.
        case other
    }

    public let kind: Kind
    /// The libgit2 function that reported the error.
    public let function: String
    /// libgit2's numeric return code.
    public let code: Int32
    /// libgit2's own message, or a description of the failure.
    public let message: String

    public init(kind: Kind, function: String, code: Int32, message: String) {
        self.kind = kind
        self.function = function
        self.code = code
        self.message = message
    }

    public var description: String { "\(function) failed (\(code)): \(message)" }
}
