internal import COpenSSL

/// The libcrypto cipher context behind `AESGCM`, one per thread, kept from call to call rather
/// than made for every message. Allocating a context, looking up the AES-256-GCM implementation
/// (which `EVP_aes_256_gcm()` does on every initialisation) and expanding the key for each short
/// secret cost several times more than encrypting it. The context is bound to the cipher once,
/// fetched once per process; it re-expands the key only when a call brings a different key, and
/// sets the nonce length only when it changes. Every call sets its own nonce, which resets GCM's
/// state, so nothing of one message reaches the next.
///
/// Only the owning thread uses a context, inside one synchronous `AESGCM` call. A context that saw
/// any failure, including a message that did not authenticate, is freed instead of reused; freeing
/// wipes the key schedule and the copy of the key.
final class CipherContext {
    private let context: OpaquePointer
    /// The key the context is initialised with, to tell whether the next call needs a new one.
    private var key = [UInt8](repeating: 0, count: AESGCM.keySize)
    private var hasKey = false
    /// The nonce length the context is set for; GCM's default is 12 bytes.
    private var nonceLength = AESGCM.nonceSize

    private init(context: OpaquePointer) {
        self.context = context
    }

    deinit {
        key.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
        EVP_CIPHER_CTX_free(context)
    }

    /// Runs `body` with this thread's context, prepared to encrypt or decrypt under `key` with
    /// `nonce`. If `body` throws, the context is freed and the next call makes a new one.
    static func withCurrent<Result>(key: [UInt8], nonce: [UInt8], encrypting: Bool,
                                    _ body: (OpaquePointer) throws -> Result) throws -> Result {
        let current = try current()
        do {
            try current.prepare(key: key, nonce: nonce, encrypting: encrypting)
            return try body(current.context)
        } catch {
            // Dropping it from the slot frees it once this call lets go of it.
            try? slot.set(nil)
            throw error
        }
    }

    private func prepare(key: [UInt8], nonce: [UInt8], encrypting: Bool) throws {
        if nonce.count != nonceLength {
            try OpenSSL.check(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonce.count), nil), "EVP_CIPHER_CTX_ctrl")
            nonceLength = nonce.count
        }
        let sameKey = hasKey && CRYPTO_memcmp(key, self.key, AESGCM.keySize) == 0
        // A NULL key keeps the expanded one; a NULL cipher keeps the implementation and its state.
        let result = key.withUnsafeBufferPointer { keyBytes in
            let newKey = sameKey ? nil : keyBytes.baseAddress
            return encrypting
                ? EVP_EncryptInit_ex(context, nil, nil, newKey, nonce)
                : EVP_DecryptInit_ex(context, nil, nil, newKey, nonce)
        }
        try OpenSSL.check(result, encrypting ? "EVP_EncryptInit_ex" : "EVP_DecryptInit_ex")
        if !sameKey {
            // Copied into the same storage, so no older copy of a key is left behind.
            for index in 0..<AESGCM.keySize { self.key[index] = key[index] }
            hasKey = true
        }
    }

    // MARK: One per thread

    /// The fetched cipher. libcrypto's fetched algorithms are reference-counted, immutable and
    /// documented as safe to share between threads; this one lives as long as the process.
    nonisolated(unsafe) private static let cipher: OpaquePointer? = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil)

    private static let slot = ThreadLocal<CipherContext>()

    private static func current() throws -> CipherContext {
        if let existing = slot.value { return existing }
        guard let cipher else { throw OpenSSL.failure("EVP_CIPHER_fetch") }
        guard let pointer = EVP_CIPHER_CTX_new() else { throw OpenSSL.failure("EVP_CIPHER_CTX_new") }
        let context = CipherContext(context: pointer)
        // Binding the cipher once lets every later initialisation pass a NULL cipher, which keeps
        // the provider's context instead of freeing and allocating it again.
        try OpenSSL.check(EVP_CipherInit_ex(pointer, cipher, nil, nil, nil, -1), "EVP_CipherInit_ex")
        try slot.set(context)
        return context
    }
}
