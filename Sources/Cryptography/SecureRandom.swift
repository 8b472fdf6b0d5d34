internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG.
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return result }
        try OpenSSL.check(RAND_bytes(&result, Int32(count)), "RAND_bytes")
        return result
    }
}
