public import Domain
public import Foundation

/// Everything the state knows about one managed key. All of it is readable in the files except the
/// secret, which is sealed on its own (`sealedSecret`) and only opened on request by the sealed
/// state.
public struct StateEntry: Equatable, Sendable {
    /// The key's address in the manifests: keyplane's identity for it.
    public var address: KeyAddress
    /// OpenRouter's hash of the current key.
    public var hash: String
    /// The key's settings as keyplane last set or saw them.
    public var values: KeyValues
    /// When the current key was created.
    public var createdAt: Date
    /// When the key was last rotated, if ever.
    public var rotatedAt: Date?
    /// 1 for the first key at this address, raised by every rotation.
    public var generation: Int
    /// The masked preview (first 8 and last 4 characters). Set from the secret when one is sealed.
    public var preview: String
    /// The key a rotation replaced and when it may be deleted, if any.
    public var predecessor: RotationPredecessor?
    /// Whether the manifests protect the key from deletion.
    public var protect: Bool
    /// The key's labels from the manifests (such as `env: production`).
    public var labels: [String: String]
    /// The workspace the key lives in, by OpenRouter's id; nil for the account's default
    /// workspace (and for keys recorded before keyplane managed workspaces).
    public var workspaceID: String?
    /// The sealed secret, or nil when it is unknown (an adopted key). Set by the sealed state,
    /// which seals it.
    public package(set) var sealedSecret: SealedSecret?

    /// Whether the state holds the secret.
    public var secretStatus: SecretStatus { sealedSecret == nil ? .unknown : .sealed }

    /// A new entry. Timestamps are kept to whole seconds, as the file stores them.
    public init(address: KeyAddress, hash: String, values: KeyValues, createdAt: Date, rotatedAt: Date? = nil,
                generation: Int = 1, preview: String = "…", predecessor: RotationPredecessor? = nil,
                protect: Bool = false, labels: [String: String] = [:], workspaceID: String? = nil) {
        self.address = address
        self.hash = hash
        var values = values
        values.expiresAt = values.expiresAt?.wholeSeconds
        self.values = values
        self.createdAt = createdAt.wholeSeconds
        self.rotatedAt = rotatedAt?.wholeSeconds
        self.generation = generation
        self.preview = preview
        self.predecessor = predecessor
        self.protect = protect
        self.labels = labels
        self.workspaceID = workspaceID
        self.sealedSecret = nil
    }

    /// The same entry with its timestamps truncated to whole seconds.
    package var normalized: StateEntry {
        var copy = self
        copy.normalize()
        return copy
    }

    /// Truncates the entry's timestamps to whole seconds, in place.
    package mutating func normalize() {
        values.expiresAt = values.expiresAt?.wholeSeconds
        createdAt = createdAt.wholeSeconds
        rotatedAt = rotatedAt?.wholeSeconds
        predecessor = predecessor.map { RotationPredecessor(hash: $0.hash, deleteAfter: $0.deleteAfter) }
    }
}
