import Cryptography

/// The random 256-bit key that everything in one state hangs off, and the two keys HKDF derives
/// from it: one encrypts secrets, one computes the MAC.
struct DataKey: Sendable {
    let bytes: [UInt8]
    let secretsKey: [UInt8]
    let macKey: [UInt8]

    init(bytes: [UInt8]) throws {
        self.bytes = bytes
        secretsKey = try KeyDerivation.hkdfSHA256(key: bytes, info: Array(StateFormat.secretsKeyInfo.utf8), length: 32)
        macKey = try KeyDerivation.hkdfSHA256(key: bytes, info: Array(StateFormat.macKeyInfo.utf8), length: 32)
    }

    static func generate() throws -> DataKey {
        try DataKey(bytes: SecureRandom.bytes(32))
    }
}
