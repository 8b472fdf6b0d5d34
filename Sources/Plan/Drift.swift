public import Domain
public import StateModel
import Manifest

/// A difference between what keyplane recorded (prior) and what OpenRouter reports (refreshed),
/// found at refresh. Usage and remaining credit are observations and never drift. Data only:
/// the renderers put it in words.
public struct Drift: Codable, Hashable, Sendable {
    public enum Kind: Codable, Hashable, Sendable {
        /// A setting was changed outside keyplane, for example in the dashboard. The field is
        /// named as OpenRouter names it (`KeyValues.Field`, `WorkspaceValues.Field`, or a budget's
        /// window); the values are its canonical text.
        case changed(field: String, recorded: String, live: String)
        /// The resource no longer exists in OpenRouter.
        case deletedOutside
    }

    public var resource: ResourceAddress
    /// OpenRouter's id of the resource that drifted (a key's hash).
    public var remoteID: String
    public var kind: Kind

    public init(resource: ResourceAddress, remoteID: String, kind: Kind) {
        self.resource = resource
        self.remoteID = remoteID
        self.kind = kind
    }
}

extension Drift {
    /// The drift of one managed key: each mutable setting whose live value differs from the
    /// recorded one, or the key's absence when the refresh did not find it. Nothing without a
    /// refresh. The planner and the status both ask this, so they can never disagree.
    public static func of(_ entry: StateEntry, live: LiveKey?, refreshed: Bool) -> [Drift] {
        guard let live else {
            return refreshed ? [Drift(resource: .key(entry.address), remoteID: entry.hash, kind: .deletedOutside)] : []
        }
        return live.values.differences(from: entry.values, including: KeyValues.mutableFields).map { field in
            Drift(resource: .key(entry.address), remoteID: entry.hash,
                  kind: .changed(field: field.rawValue, recorded: entry.values.text(of: field), live: live.values.text(of: field)))
        }
    }

    /// The order drift is listed in: by resource, then a disappearance before changed fields, and
    /// fields in their declared order.
    public static func precedes(_ a: Drift, _ b: Drift) -> Bool {
        if a.resource != b.resource { return a.resource < b.resource }
        return a.kind.rank < b.kind.rank
    }
}

extension Drift.Kind {
    fileprivate var rank: Int {
        switch self {
        case .deletedOutside: -1
        case .changed(let field, _, _):
            KeyValues.Field(rawValue: field).flatMap { KeyValues.Field.allCases.firstIndex(of: $0) }
                ?? WorkspaceValues.Field(rawValue: field).flatMap { WorkspaceValues.Field.allCases.firstIndex(of: $0) }
                ?? BudgetInterval(rawValue: field).flatMap { BudgetInterval.allCases.firstIndex(of: $0) } ?? 0
        }
    }
}
