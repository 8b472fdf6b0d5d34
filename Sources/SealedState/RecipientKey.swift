import Foundation
import Cryptography

/// The public half of an X25519 identity, as listed in the state: `kp1` followed by the 32-byte
/// public key in lowercase hex.
public struct RecipientKey: Hashable, Sendable, CustomStringConvertible {
    static let prefix = "kp1"

    /// The raw 32-byte public key.
    public let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses `kp1…`; nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(Self.prefix), let raw = Hex.decode(String(trimmed.dropFirst(Self.prefix.count))),
            raw.count == X25519.keySize
        else { return nil }
        bytes = raw
    }

    public var description: String { Self.prefix + Hex.encode(bytes) }
}
