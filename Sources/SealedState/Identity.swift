import Cryptography
import Foundation

/// An X25519 private key that opens the state, held by one operator or one CI runner. Its text
/// form is `KEYPLANE-IDENTITY-1-` followed by the 32-byte private key in uppercase hex. Its
/// description shows only the public key.
public struct Identity: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    static let prefix = "KEYPLANE-IDENTITY-1-"

    let privateKey: [UInt8]
    /// The public key to list as a recipient.
    public let recipient: RecipientKey

    init(privateKey: [UInt8]) throws {
        self.privateKey = privateKey
        recipient = RecipientKey(bytes: try X25519.publicKey(for: privateKey))
    }

    /// A fresh identity.
    public static func generate() throws -> Identity {
        try Identity(privateKey: X25519.generatePrivateKey())
    }

    /// Parses the text form. Lines starting with `#` and blank lines are ignored, so an identity
    /// file may carry a comment with its public key.
    public init(parsing text: String) throws(StateError) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1, lines[0].uppercased().hasPrefix(Self.prefix),
            let raw = Hex.decode(String(lines[0].dropFirst(Self.prefix.count))), raw.count == X25519.keySize
        else {
            throw StateError.malformedIdentity
        }
        do { try self.init(privateKey: raw) } catch { throw StateError.malformedIdentity }
    }

    /// The text form, with a comment line naming the public key; write it only to a private file.
    public var fileText: String {
        "# keyplane identity; public key: \(recipient)\n\(Self.prefix)\(Hex.encode(privateKey).uppercased())\n"
    }

    public var description: String { "Identity(\(recipient))" }
    public var debugDescription: String { description }
}
