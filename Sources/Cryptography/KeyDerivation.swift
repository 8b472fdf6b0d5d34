internal import COpenSSL

/// Key derivation through libcrypto: scrypt and PBKDF2-HMAC-SHA-256 for passphrases, HKDF-SHA-256
/// for turning a high-entropy secret into separate keys.
public enum KeyDerivation {
    /// scrypt (RFC 7914). Memory use is about `128 · r · n` bytes and time grows linearly with `n`.
    /// `n` must be a power of two greater than 1.
    public static func scrypt(password: [UInt8], salt: [UInt8], n: UInt64, r: UInt64, p: UInt64, length: Int) throws -> [UInt8] {
        guard n > 1, n & (n - 1) == 0, r > 0, p > 0, length > 0 else {
            throw CryptoError(kind: .invalidInput, function: "EVP_PBE_scrypt",
                              message: "n must be a power of two above 1, r, p and length positive")
        }
        // Allow the memory the parameters need plus headroom; OpenSSL's default cap is 32 MiB.
        let maxMemory = 128 * r * n * 2 + 128 * r * p + (1 << 20)
        var output = [UInt8](repeating: 0, count: length)
        // A trailing zero keeps the pointer valid for an empty password; the length excludes it.
        let terminated = password + [0]
        let result = terminated.withUnsafeBufferPointer { passwordBuffer in
            passwordBuffer.withMemoryRebound(to: CChar.self) { chars in
                EVP_PBE_scrypt(chars.baseAddress, password.count, salt, salt.count, n, r, p, maxMemory, &output, length)
            }
        }
        try OpenSSL.check(result, "EVP_PBE_scrypt")
        return output
    }

    /// PBKDF2 with HMAC-SHA-256 (RFC 8018), `iterations` rounds.
    public static func pbkdf2SHA256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) throws -> [UInt8] {
        guard iterations > 0, iterations <= Int(Int32.max), length > 0 else {
            throw CryptoError(kind: .invalidInput, function: "PKCS5_PBKDF2_HMAC", message: "iterations and length must be positive")
        }
        var output = [UInt8](repeating: 0, count: length)
        let terminated = password + [0]
        let result = terminated.withUnsafeBufferPointer { passwordBuffer in
            passwordBuffer.withMemoryRebound(to: CChar.self) { chars in
                PKCS5_PBKDF2_HMAC(chars.baseAddress, Int32(password.count), salt, Int32(salt.count),
                                  Int32(iterations), EVP_sha256(), Int32(length), &output)
            }
        }
        try OpenSSL.check(result, "PKCS5_PBKDF2_HMAC")
        return output
    }

    /// HKDF with SHA-256 (RFC 5869): extract with `salt` (empty means 32 zero bytes), then expand
    /// to `length` bytes with `info`.
    public static func hkdfSHA256(key: [UInt8], salt: [UInt8] = [], info: [UInt8] = [], length: Int) throws -> [UInt8] {
        guard !key.isEmpty, length > 0, length <= 255 * 32 else {
            throw CryptoError(kind: .invalidInput, function: "EVP_PKEY_derive", message: "key must not be empty; length 1…8160")
        }
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nil) else { throw OpenSSL.failure("EVP_PKEY_CTX_new_id") }
        defer { EVP_PKEY_CTX_free(context) }
        try OpenSSL.check(EVP_PKEY_derive_init(context), "EVP_PKEY_derive_init")
        try OpenSSL.check(EVP_PKEY_CTX_set_hkdf_md(context, EVP_sha256()), "EVP_PKEY_CTX_set_hkdf_md")
        // An absent salt is HashLen zero bytes (RFC 5869 §2.2); say so explicitly.
        let effectiveSalt = salt.isEmpty ? [UInt8](repeating: 0, count: 32) : salt
        try OpenSSL.check(EVP_PKEY_CTX_set1_hkdf_salt(context, effectiveSalt, Int32(effectiveSalt.count)), "EVP_PKEY_CTX_set1_hkdf_salt")
        try OpenSSL.check(EVP_PKEY_CTX_set1_hkdf_key(context, key, Int32(key.count)), "EVP_PKEY_CTX_set1_hkdf_key")
        if !info.isEmpty {
            try OpenSSL.check(EVP_PKEY_CTX_add1_hkdf_info(context, info, Int32(info.count)), "EVP_PKEY_CTX_add1_hkdf_info")
        }
        var output = [UInt8](repeating: 0, count: length)
        var outputLength = length
        try OpenSSL.check(EVP_PKEY_derive(context, &output, &outputLength), "EVP_PKEY_derive")
        guard outputLength == length else {
            throw CryptoError(kind: .library, function: "EVP_PKEY_derive", message: "returned \(outputLength) bytes, wanted \(length)")
        }
        return output
    }
}
