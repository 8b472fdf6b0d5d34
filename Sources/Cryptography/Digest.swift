internal import COpenSSL

/// SHA-256 and HMAC-SHA-256 through libcrypto.
public enum Digest {
    /// SHA-256 of `data` (32 bytes).
    public static func sha256(_ data: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var size: UInt32 = 0
        try OpenSSL.check(EVP_Digest(data, data.count, &output, &size, sha256Algorithm.md, nil), "EVP_Digest")
        return output
    }

    /// SHA-256 fetched from libcrypto's providers once. Handing `EVP_sha256()` to each call makes
    /// OpenSSL 3 look the implementation up again every time, which costs more than hashing a few
    /// dozen bytes, and plans hash that little per key, ten thousand times.
    private static let sha256Algorithm = FetchedDigest(name: "SHA256", fallback: EVP_sha256())

    /// A digest algorithm fetched once and kept for the process.
    private final class FetchedDigest: @unchecked Sendable {
        /// Read-only once fetched; libcrypto's `EVP_MD` may be shared between threads.
        let md: OpaquePointer?
        private let fetched: Bool

        init(name: String, fallback: OpaquePointer?) {
            if let md = EVP_MD_fetch(nil, name, nil) {
                self.md = md
                fetched = true
            } else {
                md = fallback
                fetched = false
            }
        }

        deinit { if fetched { EVP_MD_free(md) } }
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
