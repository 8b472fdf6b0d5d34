internal import COpenSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random 12-byte nonces for `AESGCM.seal`, drawn from libcrypto's DRBG a block at a time. Each
/// `RAND_bytes` call re-keys the DRBG's AES through libcrypto's parameter machinery, which cost
/// more than sealing a short secret; one call now fills 64 nonces.
///
/// Every byte comes from `RAND_bytes`, is handed out once and then wiped. A pool belongs to one
/// thread, and is refilled whenever the process id differs from the one that filled it, so a
/// forked child never hands out nonces its parent may also use.
final class NoncePool {
    private static let blockSize = 64 * AESGCM.nonceSize
    private static let current = ThreadLocal<NoncePool>()

    private var block = [UInt8](repeating: 0, count: NoncePool.blockSize)
    /// Where the next unused nonce starts; the block's end when it is used up.
    private var next = NoncePool.blockSize
    private var filledBy: pid_t = 0

    deinit {
        block.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }

    /// A fresh random nonce of `AESGCM.nonceSize` bytes from this thread's pool.
    static func nonce() throws -> [UInt8] {
        let pool: NoncePool
        if let existing = current.value {
            pool = existing
        } else {
            pool = NoncePool()
            try current.set(pool)
        }
        return try pool.take()
    }

    private func take() throws -> [UInt8] {
        let process = getpid()
        if next == block.count || filledBy != process {
            try OpenSSL.check(RAND_bytes(&block, Int32(block.count)), "RAND_bytes")
            next = 0
            filledBy = process
        }
        let range = next..<(next + AESGCM.nonceSize)
        let nonce = Array(block[range])
        for index in range { block[index] = 0 }
        next = range.upperBound
        return nonce
    }
}
