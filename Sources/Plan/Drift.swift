public import Domain

/// A difference between what keyplane recorded and what OpenRouter reports, found at refresh.
/// Usage and remaining credit are observations and never drift.
public struct Drift: Codable, Hashable, Sendable {
    public enum Kind: Codable, Hashable, Sendable {
        /// A setting was changed outside keyplane, for example in the dashboard.
        case changed(field: KeyValues.Field, recorded: String, live: String)
        /// The key no longer exists in OpenRouter.
        case deletedOutside
    }

    public var address: KeyAddress
    public var hash: String
    public var kind: Kind

    public init(address: KeyAddress, hash: String, kind: Kind) {
        self.address = address
        self.hash = hash
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .changed(let field, let recorded, let live): "\(field.rawValue) changed outside keyplane: \(recorded) → \(live)"
        case .deletedOutside: "deleted outside keyplane"
        }
    }
}
