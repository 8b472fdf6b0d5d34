internal import COpenSSL

/// AES-256 in Galois/Counter Mode: authenticated encryption with associated data.
public enum AESGCM {
    /// The key size in bytes (AES-256).
    public static let keySize = 32
    /// The nonce size in bytes; 96 bits is GCM's recommended and most efficient size.
    public static let nonceSize = 12
    /// The authentication tag size in bytes.
    public static let tagSize = 16

    /// The output of `seal`: the nonce, the ciphertext (same length as the plaintext) and the tag.
    public struct SealedBox: Equatable, Sendable {
        public var nonce: [UInt8]
        public var ciphertext: [UInt8]
        public var tag: [UInt8]

        public init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
            self.nonce = nonce
            self.ciphertext = ciphertext
            self.tag = tag
        }
    }

    /// Encrypts `plaintext` under `key`, binding `associatedData` into the tag. Uses a fresh random
    /// nonce unless one is given (only known-answer tests should give one).
    public static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8] = [], nonce: [UInt8]? = nil) throws -> SealedBox {
        guard key.count == keySize else {
            throw CryptoError(kind: .invalidInput, function: "AESGCM.seal", message: "key must be \(keySize) bytes")
        }
        let nonce = try nonce ?? NoncePool.nonce()
        guard !nonce.isEmpty else {
            throw CryptoError(kind: .invalidInput, function: "AESGCM.seal", message: "nonce must not be empty")
        }
        return try CipherContext.withCurrent(key: key, nonce: nonce, encrypting: true) { context in
            var length: Int32 = 0
            if !associatedData.isEmpty {
                try OpenSSL.check(EVP_EncryptUpdate(context, nil, &length, associatedData, Int32(associatedData.count)), "EVP_EncryptUpdate")
            }
            var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
            var written: Int32 = 0
            if !plaintext.isEmpty {
                try OpenSSL.check(EVP_EncryptUpdate(context, &ciphertext, &length, plaintext, Int32(plaintext.count)), "EVP_EncryptUpdate")
                written = length
            }
            try ciphertext.withUnsafeMutableBufferPointer { buffer in
                try OpenSSL.check(EVP_EncryptFinal_ex(context, buffer.baseAddress! + Int(written), &length), "EVP_EncryptFinal_ex")
            }
            written += length
            // Trimmed in place: no second copy of the ciphertext.
            ciphertext.removeLast(ciphertext.count - Int(written))
            var tag = [UInt8](repeating: 0, count: tagSize)
            try OpenSSL.check(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagSize), &tag), "EVP_CIPHER_CTX_ctrl")
            return SealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag)
        }
    }

    /// Decrypts and authenticates `box`. Any change to the nonce, ciphertext, tag, associated data
    /// or key throws `CryptoError` of kind `.authenticationFailed`, and no plaintext is returned.
    public static func open(_ box: SealedBox, key: [UInt8], associatedData: [UInt8] = []) throws -> [UInt8] {
        guard key.count == keySize else {
            throw CryptoError(kind: .invalidInput, function: "AESGCM.open", message: "key must be \(keySize) bytes")
        }
        guard box.tag.count == tagSize, !box.nonce.isEmpty else {
            throw CryptoError(kind: .authenticationFailed, function: "AESGCM.open", message: "malformed nonce or tag")
        }
        return try CipherContext.withCurrent(key: key, nonce: box.nonce, encrypting: false) { context in
            var length: Int32 = 0
            if !associatedData.isEmpty {
                try OpenSSL.check(EVP_DecryptUpdate(context, nil, &length, associatedData, Int32(associatedData.count)), "EVP_DecryptUpdate")
            }
            var plaintext = [UInt8](repeating: 0, count: box.ciphertext.count + 16)
            var written: Int32 = 0
            if !box.ciphertext.isEmpty {
                try OpenSSL.check(
                    EVP_DecryptUpdate(context, &plaintext, &length, box.ciphertext, Int32(box.ciphertext.count)), "EVP_DecryptUpdate")
                written = length
            }
            var tag = box.tag
            try OpenSSL.check(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagSize), &tag), "EVP_CIPHER_CTX_ctrl")
            let verified = plaintext.withUnsafeMutableBufferPointer { buffer in
                EVP_DecryptFinal_ex(context, buffer.baseAddress! + Int(written), &length)
            }
            guard verified == 1 else {
                ERR_clear_error()
                // Wipe whatever was decrypted before authentication failed.
                for index in plaintext.indices { plaintext[index] = 0 }
                throw CryptoError(kind: .authenticationFailed, function: "EVP_DecryptFinal_ex", message: "tag mismatch")
            }
            written += length
            plaintext.removeLast(plaintext.count - Int(written))
            return plaintext
        }
    }
}
