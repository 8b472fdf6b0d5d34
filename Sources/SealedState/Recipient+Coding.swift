import Foundation

extension Recipient {
    /// The recipient's object in the header's `recipients` array.
    var node: JSONNode {
        switch self {
        case let .passphrase(kdf, salt, wrappedKey):
            var fields: [String: JSONNode] = [
                "type": .string("passphrase"),
                "salt": .string(Data(salt).base64EncodedString()),
                "wrapped_key": .string(Data(wrappedKey).base64EncodedString()),
            ]
            switch kdf {
            case let .scrypt(logN, r, p):
                fields["kdf"] = .string("scrypt")
                fields["scrypt_log2_n"] = .integer(Int64(logN))
                fields["scrypt_r"] = .integer(Int64(r))
                fields["scrypt_p"] = .integer(Int64(p))
            case let .pbkdf2SHA256(iterations):
                fields["kdf"] = .string("pbkdf2-sha256")
                fields["pbkdf2_iterations"] = .integer(Int64(iterations))
            }
            return .object(fields)
        case let .x25519(key, ephemeralKey, wrappedKey):
            return .object([
                "type": .string("x25519"),
                "public_key": .string(key.description),
                "ephemeral_key": .string(Data(ephemeralKey).base64EncodedString()),
                "wrapped_key": .string(Data(wrappedKey).base64EncodedString()),
            ])
        }
    }

    /// Reads a recipient object; nil if it is not one this build understands.
    init?(node: JSONNode) {
        func bytes(_ key: String) -> [UInt8]? { node[key]?.stringValue.flatMap { Data(base64Encoded: $0) }.map(Array.init) }
        func int(_ key: String) -> Int? { node[key]?.integerValue.flatMap { Int(exactly: $0) } }
        guard let type = node["type"]?.stringValue, let wrapped = bytes("wrapped_key") else { return nil }
        switch type {
        case "passphrase":
            guard let salt = bytes("salt") else { return nil }
            let kdf: PassphraseKDF
            switch node["kdf"]?.stringValue {
            case "scrypt":
                guard let logN = int("scrypt_log2_n"), let r = int("scrypt_r"), let p = int("scrypt_p") else { return nil }
                kdf = .scrypt(logN: logN, r: r, p: p)
            case "pbkdf2-sha256":
                guard let iterations = int("pbkdf2_iterations") else { return nil }
                kdf = .pbkdf2SHA256(iterations: iterations)
            default: return nil
            }
            guard kdf.isAcceptable else { return nil }
            self = .passphrase(kdf: kdf, salt: salt, wrappedKey: wrapped)
        case "x25519":
            guard let key = node["public_key"]?.stringValue.flatMap(RecipientKey.init), let ephemeral = bytes("ephemeral_key"),
                ephemeral.count == 32
            else { return nil }
            self = .x25519(key: key, ephemeralKey: ephemeral, wrappedKey: wrapped)
        default:
            return nil
        }
    }
}
