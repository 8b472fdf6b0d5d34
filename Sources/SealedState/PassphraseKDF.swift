import Cryptography

/// How a passphrase becomes a key-encryption key. The parameters are stored in the file, so they
/// can be raised later (by `rekey`) without breaking older states.
public enum PassphraseKDF: Equatable, Sendable, CustomStringConvertible {
    /// scrypt with N = 2^logN, r and p. Memory is 128 · r · N bytes: logN 17, r 8 is 128 MiB.
    case scrypt(logN: Int, r: Int, p: Int)
    /// PBKDF2-HMAC-SHA-256 with this many iterations, for where scrypt's memory is not available.
    case pbkdf2SHA256(iterations: Int)

    /// The default: scrypt N = 2^17, r = 8, p = 1 (128 MiB, a few tenths of a second).
    public static let standard = PassphraseKDF.scrypt(logN: 17, r: 8, p: 1)

    public var description: String {
        switch self {
        case let .scrypt(logN, r, p): "scrypt N=2^\(logN) r=\(r) p=\(p)"
        case let .pbkdf2SHA256(iterations): "PBKDF2-HMAC-SHA256 \(iterations) iterations"
        }
    }

    /// Whether the parameters are within the bounds this build accepts from a file (so a
    /// tampered header cannot make the reader allocate without limit).
    var isAcceptable: Bool {
        switch self {
        case let .scrypt(logN, r, p): (1...22).contains(logN) && (1...32).contains(r) && (1...16).contains(p)
        case let .pbkdf2SHA256(iterations): (1...50_000_000).contains(iterations)
        }
    }

    func deriveKey(_ passphrase: Passphrase, salt: [UInt8]) throws -> [UInt8] {
        switch self {
        case let .scrypt(logN, r, p):
            try KeyDerivation.scrypt(password: passphrase.bytes, salt: salt, n: 1 << UInt64(logN), r: UInt64(r), p: UInt64(p), length: 32)
        case let .pbkdf2SHA256(iterations):
            try KeyDerivation.pbkdf2SHA256(password: passphrase.bytes, salt: salt, iterations: iterations, length: 32)
        }
    }
}
