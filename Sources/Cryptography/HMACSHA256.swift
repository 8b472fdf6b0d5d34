internal import COpenSSL

/// HMAC-SHA-256 over input that arrives in pieces: the same MAC as `Digest.hmacSHA256(key:_:)` of
/// the pieces joined, without ever joining them, so hashing can start before the last piece
/// exists. It owns a libcrypto MAC context; use it from one thread at a time.
public final class HMACSHA256 {
    private let context: OpaquePointer
    private var finished = false

    public init(key: [UInt8]) throws {
        guard let algorithm = EVP_MAC_fetch(nil, "HMAC", nil) else { throw OpenSSL.failure("EVP_MAC_fetch") }
        defer { EVP_MAC_free(algorithm) }
        guard let context = EVP_MAC_CTX_new(algorithm) else { throw OpenSSL.failure("EVP_MAC_CTX_new") }
        self.context = context
        var digest = Array("SHA256".utf8CString)
        let status = digest.withUnsafeMutableBufferPointer { name in
            var parameters = [OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name.baseAddress, 0), OSSL_PARAM_construct_end()]
            return EVP_MAC_init(context, key, key.count, &parameters)
        }
        try OpenSSL.check(status, "EVP_MAC_init")
    }

    deinit {
        // Freeing cleanses the keyed state.
        EVP_MAC_CTX_free(context)
    }

    /// Adds the next piece of input.
    public func update(_ bytes: [UInt8]) throws {
        guard !finished else { throw CryptoError(kind: .invalidInput, function: "HMACSHA256.update", message: "the MAC was already finished") }
        try OpenSSL.check(EVP_MAC_update(context, bytes, bytes.count), "EVP_MAC_update")
    }

    /// The MAC of everything added (32 bytes). The object takes no more input afterwards.
    public func finish() throws -> [UInt8] {
        guard !finished else { throw CryptoError(kind: .invalidInput, function: "HMACSHA256.finish", message: "the MAC was already finished") }
        finished = true
        var output = [UInt8](repeating: 0, count: 32)
        var length = 0
        try OpenSSL.check(EVP_MAC_final(context, &output, &length, output.count), "EVP_MAC_final")
        guard length == 32 else { throw CryptoError(kind: .library, function: "EVP_MAC_final", message: "returned \(length) bytes, wanted 32") }
        return output
    }
}
