internal import COpenSSL

/// SHA-256 and HMAC-SHA-256 through libcrypto.
public enum Digest {
    /// SHA-256 of `data` (32 bytes).
    public static func sha256(_ data: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var size: UInt32 = 0
        try OpenSSL.check(EVP_Digest(data, data.count, &output, &size, EVP_sha256(), nil), "EVP_Digest")
        return output
    }

    /// HMAC-SHA-256 of `data` under `key` (32 bytes).
    public static func hmacSHA256(key: [UInt8], _ data: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var size: UInt32 = 0
        guard HMAC(EVP_sha256(), key, Int32(key.count), data, data.count, &output, &size) != nil else {
            throw OpenSSL.failure("HMAC")
        }
        return output
    }

    /// Compares two byte strings in time independent of where they differ.
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return CRYPTO_memcmp(lhs, rhs, lhs.count) == 0
    }
}
