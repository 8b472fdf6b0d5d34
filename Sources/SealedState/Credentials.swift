/// What the caller holds to open the state: a passphrase, identities, or both. Any one of them
/// that matches a recipient opens it.
public struct Credentials: Sendable {
    public var passphrase: Passphrase?
    public var identities: [Identity]

    public init(passphrase: Passphrase? = nil, identities: [Identity] = []) {
        self.passphrase = passphrase
        self.identities = identities
    }

    public var isEmpty: Bool { passphrase == nil && identities.isEmpty }
}
