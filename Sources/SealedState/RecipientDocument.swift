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

    /// The recipient's present fields, in UTF-8 key order (the order of the properties above),
    /// for the MAC and for the file alike.
    func emit<Fields: CanonicalFields & ~Copyable>(to fields: inout Fields) {
        let optionals: [Bool] = [ephemeralKey != nil, kdf != nil, pbkdf2Iterations != nil, publicKey != nil, salt != nil,
                                 scryptLog2N != nil, scryptP != nil, scryptR != nil]
        fields.beginObject(fieldCount: 2 + optionals.count { $0 })
        fields.field("ephemeral_key", ephemeralKey)
        fields.field("kdf", kdf)
        fields.field("pbkdf2_iterations", pbkdf2Iterations)
        fields.field("public_key", publicKey)
        fields.field("salt", salt)
        fields.field("scrypt_log2_n", scryptLog2N)
        fields.field("scrypt_p", scryptP)
        fields.field("scrypt_r", scryptR)
        fields.field("type", type)
        fields.field("wrapped_key", wrappedKey)
        fields.endObject()
    }

    /// Appends the MAC's canonical encoding of the recipient.
    func appendCanonical(to input: inout MACInput) { emit(to: &input) }

    /// Writes the recipient's object into the header file.
    func write(to writer: inout StateJSONWriter) { emit(to: &writer) }
}
