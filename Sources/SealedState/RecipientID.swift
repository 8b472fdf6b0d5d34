/// Names a recipient on the command line and in errors: `passphrase`, or an X25519 public key `kp1…`.
public enum RecipientID: Hashable, Sendable, CustomStringConvertible {
    case passphrase
    case x25519(RecipientKey)

    /// Parses `passphrase` or `kp1…`.
    public init?(_ text: String) {
        if text == "passphrase" { self = .passphrase; return }
        guard let key = RecipientKey(text) else { return nil }
        self = .x25519(key)
    }

    public var description: String {
        switch self {
        case .passphrase: "passphrase"
        case .x25519(let key): key.description
        }
    }
}
