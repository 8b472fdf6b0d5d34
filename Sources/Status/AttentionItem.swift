public import Domain

/// One thing that needs attention: a managed key (by address) or an unmanaged one (by its
/// OpenRouter name and hash), with a plain-text explanation.
public struct AttentionItem: Equatable, Sendable {
    public var kind: AttentionKind
    /// The key, or nil for an unmanaged key.
    public var address: KeyAddress?
    /// For an unmanaged key: its name on OpenRouter.
    public var unmanagedName: String?
    /// For an unmanaged key: its OpenRouter hash.
    public var unmanagedHash: String?
    /// What is the matter, as plain text that does not repeat the address.
    public var message: String

    public init(kind: AttentionKind, address: KeyAddress?, unmanagedName: String? = nil, unmanagedHash: String? = nil,
                message: String) {
        self.kind = kind
        self.address = address
        self.unmanagedName = unmanagedName
        self.unmanagedHash = unmanagedHash
        self.message = message
    }

    /// How the item is named: the address, or the unmanaged key's OpenRouter name.
    public var subject: String { address?.description ?? unmanagedName ?? "" }
}
