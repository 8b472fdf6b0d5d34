/// One object of the header's `recipients` array as stored. Which fields are present depends on
/// `type` (and, for a passphrase, on `kdf`); absent ones are nil and left out of the file.
struct RecipientDocument: Codable, Equatable, Sendable {
    var ephemeralKey: String?
    var kdf: String?
    var pbkdf2Iterations: Int64?
    var publicKey: String?
    var salt: String?
    var scryptLog2N: Int64?
    var scryptP: Int64?
    var scryptR: Int64?
    var type: String
    var wrappedKey: String

    enum CodingKeys: String, CodingKey {
        case ephemeralKey = "ephemeral_key"
        case kdf
        case pbkdf2Iterations = "pbkdf2_iterations"
        case publicKey = "public_key"
        case salt
        case scryptLog2N = "scrypt_log2_n"
        case scryptP = "scrypt_p"
        case scryptR = "scrypt_r"
        case type
        case wrappedKey = "wrapped_key"
    }

    /// Appends the MAC's canonical encoding: the present fields in UTF-8 key order (the order of
    /// the properties above).
    func appendCanonical(to input: inout MACInput) {
        let optionals: [Bool] = [ephemeralKey != nil, kdf != nil, pbkdf2Iterations != nil, publicKey != nil, salt != nil,
                                 scryptLog2N != nil, scryptP != nil, scryptR != nil]
        input.appendObjectHeader(count: 2 + optionals.count { $0 })
        if let ephemeralKey { input.appendKey("ephemeral_key"); input.appendString(ephemeralKey) }
        if let kdf { input.appendKey("kdf"); input.appendString(kdf) }
        if let pbkdf2Iterations { input.appendKey("pbkdf2_iterations"); input.appendInteger(pbkdf2Iterations) }
        if let publicKey { input.appendKey("public_key"); input.appendString(publicKey) }
        if let salt { input.appendKey("salt"); input.appendString(salt) }
        if let scryptLog2N { input.appendKey("scrypt_log2_n"); input.appendInteger(scryptLog2N) }
        if let scryptP { input.appendKey("scrypt_p"); input.appendInteger(scryptP) }
        if let scryptR { input.appendKey("scrypt_r"); input.appendInteger(scryptR) }
        input.appendKey("type")
        input.appendString(type)
        input.appendKey("wrapped_key")
        input.appendString(wrappedKey)
    }

    /// Writes the recipient's object: the present fields in UTF-8 key order.
    func write(to writer: inout StateJSONWriter) {
        writer.beginObject()
        if let ephemeralKey { writer.key("ephemeral_key"); writer.string(ephemeralKey) }
        if let kdf { writer.key("kdf"); writer.string(kdf) }
        if let pbkdf2Iterations { writer.key("pbkdf2_iterations"); writer.integer(pbkdf2Iterations) }
        if let publicKey { writer.key("public_key"); writer.string(publicKey) }
        if let salt { writer.key("salt"); writer.string(salt) }
        if let scryptLog2N { writer.key("scrypt_log2_n"); writer.integer(scryptLog2N) }
        if let scryptP { writer.key("scrypt_p"); writer.integer(scryptP) }
        if let scryptR { writer.key("scrypt_r"); writer.integer(scryptR) }
        writer.key("type")
        writer.string(type)
        writer.key("wrapped_key")
        writer.string(wrappedKey)
        writer.endObject()
    }
}
