import Foundation

/// One key's secret as stored: `nonce (12) ‖ ciphertext ‖ tag (16)` of AES-256-GCM under the
/// state's secrets key, with the key's address bound in as associated data. It holds no plaintext,
/// so it may be shown, but its text is long and meaningless, so `description` abbreviates it.
/// Only the sealed-state module seals and opens it.
public struct SealedSecret: Equatable, Sendable, CustomStringConvertible {
    /// The raw bytes: nonce, ciphertext, tag.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses the base64 text of the `secret` field.
    package init?(base64: String) {
        guard let data = Data(base64Encoded: base64), data.count >= 12 + 16 else { return nil }
        bytes = Array(data)
    }

    package var base64: String { Data(bytes).base64EncodedString() }

    public var description: String { "SealedSecret(\(bytes.count) bytes)" }
}
