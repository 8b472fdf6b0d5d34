/// A recipient to wrap the data key for, given when a state is created or a recipient added.
public enum NewRecipient: Sendable, CustomStringConvertible {
    case passphrase(Passphrase, PassphraseKDF = .standard)
    case x25519(RecipientKey)

    public var id: RecipientID {
        switch self {
        case .passphrase: .passphrase
        case .x25519(let key): .x25519(key)
        }
    }

    public var description: String { id.description }
}
