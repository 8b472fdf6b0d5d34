internal import COpenSSL

/// X25519 Diffie-Hellman (RFC 7748) through libcrypto's EVP_PKEY interface. Keys are held as
/// their 32-byte raw encodings; an `EVP_PKEY` lives only for the length of one call.
public enum X25519 {
    /// The size in bytes of private keys, public keys and shared secrets.
    public static let keySize = 32

    /// A fresh private key from OpenSSL's DRBG (clamping is applied by the scalar multiplication).
    public static func generatePrivateKey() throws -> [UInt8] {
        try SecureRandom.bytes(keySize)
    }

    /// The public key for `privateKey`.
    public static func publicKey(for privateKey: [UInt8]) throws -> [UInt8] {
        let key = try makePrivateKey(privateKey)
        defer { EVP_PKEY_free(key) }
        var output = [UInt8](repeating: 0, count: keySize)
        var length = keySize
        try OpenSSL.check(EVP_PKEY_get_raw_public_key(key, &output, &length), "EVP_PKEY_get_raw_public_key")
        return output
    }

    /// The shared secret between `privateKey` and `peerPublicKey`. Throws if the result is all
    /// zeros (a low-order peer key), as RFC 7748 §6.1 allows implementations to check.
    public static func sharedSecret(privateKey: [UInt8], peerPublicKey: [UInt8]) throws -> [UInt8] {
        guard peerPublicKey.count == keySize else {
            throw CryptoError(kind: .invalidInput, function: "X25519.sharedSecret", message: "public key must be \(keySize) bytes")
        }
        let key = try makePrivateKey(privateKey)
        defer { EVP_PKEY_free(key) }
        guard let peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nil, peerPublicKey, keySize) else {
            throw OpenSSL.failure("EVP_PKEY_new_raw_public_key")
        }
        defer { EVP_PKEY_free(peer) }
        guard let context = EVP_PKEY_CTX_new(key, nil) else { throw OpenSSL.failure("EVP_PKEY_CTX_new") }
        defer { EVP_PKEY_CTX_free(context) }
        try OpenSSL.check(EVP_PKEY_derive_init(context), "EVP_PKEY_derive_init")
        try OpenSSL.check(EVP_PKEY_derive_set_peer(context, peer), "EVP_PKEY_derive_set_peer")
        var output = [UInt8](repeating: 0, count: keySize)
        var length = keySize
        try OpenSSL.check(EVP_PKEY_derive(context, &output, &length), "EVP_PKEY_derive")
        guard length == keySize, output.contains(where: { $0 != 0 }) else {
            throw CryptoError(kind: .invalidInput, function: "EVP_PKEY_derive", message: "the peer public key gives an all-zero shared secret")
        }
        return output
    }

    private static func makePrivateKey(_ bytes: [UInt8]) throws -> OpaquePointer {
        guard bytes.count == keySize else {
            throw CryptoError(kind: .invalidInput, function: "EVP_PKEY_new_raw_private_key", message: "private key must be \(keySize) bytes")
        }
        guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nil, bytes, keySize) else {
            throw OpenSSL.failure("EVP_PKEY_new_raw_private_key")
        }
        return key
    }
}
