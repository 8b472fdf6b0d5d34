import Cryptography

extension Recipient {
    /// Wraps `dataKey` for `recipient`: AES-256-GCM under a key-encryption key from scrypt/PBKDF2
    /// or from X25519 + HKDF-SHA-256, with the state's lineage as associated data.
    static func wrap(_ dataKey: [UInt8], for recipient: NewRecipient, lineage: String) throws -> Recipient {
        let aad = StateFormat.wrapAssociatedData(lineage: lineage)
        switch recipient {
        case let .passphrase(passphrase, kdf):
            let salt = try SecureRandom.bytes(16)
            let kek = try kdf.deriveKey(passphrase, salt: salt)
            return .passphrase(kdf: kdf, salt: salt, wrappedKey: try seal(dataKey, kek: kek, aad: aad))
        case let .x25519(key):
            let ephemeralPrivate = try X25519.generatePrivateKey()
            let ephemeralPublic = try X25519.publicKey(for: ephemeralPrivate)
            let kek = try x25519KEK(shared: X25519.sharedSecret(privateKey: ephemeralPrivate, peerPublicKey: key.bytes),
                                    ephemeral: ephemeralPublic, recipient: key.bytes)
            return .x25519(key: key, ephemeralKey: ephemeralPublic, wrappedKey: try seal(dataKey, kek: kek, aad: aad))
        }
    }

    /// The data key, if `credentials` hold this recipient's passphrase or identity; nil if they
    /// hold nothing for it or the wrong passphrase.
    func unwrap(with credentials: Credentials, lineage: String) throws -> [UInt8]? {
        let aad = StateFormat.wrapAssociatedData(lineage: lineage)
        switch self {
        case let .passphrase(kdf, salt, wrappedKey):
            guard let passphrase = credentials.passphrase else { return nil }
            let kek = try kdf.deriveKey(passphrase, salt: salt)
            return Self.open(wrappedKey, kek: kek, aad: aad)
        case let .x25519(key, ephemeralKey, wrappedKey):
            guard let identity = credentials.identities.first(where: { $0.recipient == key }) else { return nil }
            guard let shared = try? X25519.sharedSecret(privateKey: identity.privateKey, peerPublicKey: ephemeralKey) else { return nil }
            let kek = try Self.x25519KEK(shared: shared, ephemeral: ephemeralKey, recipient: key.bytes)
            return Self.open(wrappedKey, kek: kek, aad: aad)
        }
    }

    /// HKDF-SHA-256(ikm: shared secret, salt: ephemeral public ‖ recipient public, info: "keyplane-state-v1 x25519").
    static func x25519KEK(shared: [UInt8], ephemeral: [UInt8], recipient: [UInt8]) throws -> [UInt8] {
        try KeyDerivation.hkdfSHA256(key: shared, salt: ephemeral + recipient, info: Array(StateFormat.x25519Info.utf8), length: 32)
    }

    static func seal(_ plaintext: [UInt8], kek: [UInt8], aad: [UInt8]) throws -> [UInt8] {
        let box = try AESGCM.seal(plaintext, key: kek, associatedData: aad)
        var sealed: [UInt8] = []
        sealed.reserveCapacity(box.nonce.count + box.ciphertext.count + box.tag.count)
        sealed += box.nonce
        sealed += box.ciphertext
        sealed += box.tag
        return sealed
    }

    /// Opens `nonce ‖ ciphertext ‖ tag`; nil if it does not authenticate.
    static func open(_ bytes: [UInt8], kek: [UInt8], aad: [UInt8]) -> [UInt8]? {
        guard bytes.count >= AESGCM.nonceSize + AESGCM.tagSize else { return nil }
        let box = AESGCM.SealedBox(nonce: Array(bytes.prefix(AESGCM.nonceSize)),
                                   ciphertext: Array(bytes.dropFirst(AESGCM.nonceSize).dropLast(AESGCM.tagSize)),
                                   tag: Array(bytes.suffix(AESGCM.tagSize)))
        return try? AESGCM.open(box, key: kek, associatedData: aad)
    }
}
