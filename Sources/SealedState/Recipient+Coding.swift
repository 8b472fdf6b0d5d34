import Foundation

extension Recipient {
    /// The recipient's object in the header's `recipients` array.
    var document: RecipientDocument {
        switch self {
        case let .passphrase(kdf, salt, wrappedKey):
            var document = RecipientDocument(salt: Data(salt).base64EncodedString(), type: "passphrase",
                                             wrappedKey: Data(wrappedKey).base64EncodedString())
            switch kdf {
            case let .scrypt(logN, r, p):
                document.kdf = "scrypt"
                document.scryptLog2N = Int64(logN)
                document.scryptR = Int64(r)
                document.scryptP = Int64(p)
            case let .pbkdf2SHA256(iterations):
                document.kdf = "pbkdf2-sha256"
                document.pbkdf2Iterations = Int64(iterations)
            }
            return document
        case let .x25519(key, ephemeralKey, wrappedKey):
            return RecipientDocument(ephemeralKey: Data(ephemeralKey).base64EncodedString(), publicKey: key.description,
                                     type: "x25519", wrappedKey: Data(wrappedKey).base64EncodedString())
        }
    }

    /// Reads a recipient object; nil if it is not one this build understands.
    init?(document: RecipientDocument) {
        func bytes(_ text: String?) -> [UInt8]? { text.flatMap { Data(base64Encoded: $0) }.map(Array.init) }
        func int(_ value: Int64?) -> Int? { value.flatMap { Int(exactly: $0) } }
        guard let wrapped = bytes(document.wrappedKey) else { return nil }
        switch document.type {
        case "passphrase":
            guard let salt = bytes(document.salt), document.ephemeralKey == nil, document.publicKey == nil else { return nil }
            let kdf: PassphraseKDF
            switch document.kdf {
            case "scrypt":
                guard let logN = int(document.scryptLog2N), let r = int(document.scryptR), let p = int(document.scryptP),
                    document.pbkdf2Iterations == nil
                else { return nil }
                kdf = .scrypt(logN: logN, r: r, p: p)
            case "pbkdf2-sha256":
                guard let iterations = int(document.pbkdf2Iterations), document.scryptLog2N == nil, document.scryptR == nil,
                    document.scryptP == nil
                else { return nil }
                kdf = .pbkdf2SHA256(iterations: iterations)
            default: return nil
            }
            guard kdf.isAcceptable else { return nil }
            self = .passphrase(kdf: kdf, salt: salt, wrappedKey: wrapped)
        case "x25519":
            guard let key = document.publicKey.flatMap(RecipientKey.init), let ephemeral = bytes(document.ephemeralKey),
                ephemeral.count == 32, document.kdf == nil, document.salt == nil, document.scryptLog2N == nil,
                document.scryptR == nil, document.scryptP == nil, document.pbkdf2Iterations == nil
            else { return nil }
            self = .x25519(key: key, ephemeralKey: ephemeral, wrappedKey: wrapped)
        default:
            return nil
        }
    }
}
