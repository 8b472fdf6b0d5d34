import Cryptography
public import Domain
public import OpenRouterAPI

/// Secrets, hashes and labels as OpenRouter shapes them: `sk-or-v1-` + 64 hex, a 64-hex hash,
/// and a label such as `sk-or-v1-b7e...2b2`.
public enum KeyMaterial {
    public static let secretPrefix = "sk-or-v1-"

    /// A fresh secret from the system's secure random source.
    public static func newSecret() throws -> KeySecret {
        KeySecret(secretPrefix + Hex.encode(try SecureRandom.bytes(32)))
    }

    /// The key's id: SHA-256 of the secret, in lowercase hex.
    public static func hash(of secret: String) throws -> KeyHash {
        KeyHash(Hex.encode(try Digest.sha256(Array(secret.utf8))))
    }

    /// The masked preview: prefix, first three and last three characters of the random part.
    public static func label(of secret: KeySecret) -> String {
        let value = secret.revealed
        guard value.hasPrefix(secretPrefix), value.count >= secretPrefix.count + 6 else { return "sk-or-v1-..." }
        let random = value.dropFirst(secretPrefix.count)
        return "\(secretPrefix)\(random.prefix(3))...\(random.suffix(3))"
    }
}
