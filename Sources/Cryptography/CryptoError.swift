/// An error from libcrypto, naming the C function that failed and carrying OpenSSL's own message.
public struct CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// Authentication failed: the ciphertext, the tag, the associated data or the key is wrong.
        case authenticationFailed
        /// An argument had the wrong size or shape.
        case invalidInput
        /// OpenSSL itself failed.
        case library
    }

    public let kind: Kind
    public let function: String
    public let message: String

    public init(kind: Kind, function: String, message: String) {
        self.kind = kind
        self.function = function
        self.message = message
    }

    public var description: String {
        switch kind {
        case .authenticationFailed: "authentication failed: the data, its tag or the key is wrong"
        case .invalidInput: "\(function): \(message)"
        case .library: "\(function) failed: \(message)"
        }
    }
}
