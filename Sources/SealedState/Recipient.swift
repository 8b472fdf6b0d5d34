/// One holder of the data key, as listed in the header: the data key wrapped for a passphrase or
/// for an X25519 public key. Any one recipient opens the state.
public enum Recipient: Equatable, Sendable, CustomStringConvertible {
    /// The data key wrapped under a key derived from a passphrase with `kdf` and `salt`.
    case passphrase(kdf: PassphraseKDF, salt: [UInt8], wrappedKey: [UInt8])
    /// The data key wrapped for `key` through an ephemeral X25519 key pair.
    case x25519(key: RecipientKey, ephemeralKey: [UInt8], wrappedKey: [UInt8])

    /// Which recipient this is, without the wrapped key.
    public var id: RecipientID {
        switch self {
        case .passphrase: .passphrase
        case .x25519(let key, _, _): .x25519(key)
        }
    }

    public var description: String {
        switch self {
        case .passphrase(let kdf, _, _): "passphrase (\(kdf))"
        case .x25519(let key, _, _): "\(key)"
        }
    }
}
