public import Domain
public import Foundation
public import Plan

/// What carrying out one change did, to be folded into the state in plan order.
public enum AppliedChange: Sendable {
    /// A key was created (a create, or the new key of a replace); its secret is in the journal.
    case created(address: KeyAddress, hash: String, name: String, sealedSecret: String, createdAt: Date, expiresAt: Date?,
                 values: KeyValues, replacing: PlanChange?)
    /// A key's settings were changed in place.
    case updated(address: KeyAddress, values: KeyValues)
    /// A key (or a rotation's previous key) was deleted.
    case deleted(address: KeyAddress, subject: PlanChange.Subject, hash: String)
    /// An existing key was taken under management, its secret unknown.
    case adopted(address: KeyAddress, hash: String, values: KeyValues, createdAt: Date)
}

/// The outcome of an apply: what succeeded, what failed, and what happened on the way.
public struct ApplyResult: Sendable {
    public var applied: [AppliedChange] = []
    public var failures: [(address: KeyAddress, message: String)] = []
    /// Things a person should know, such as a lost create response recovered without a duplicate.
    public var notes: [String] = []

    public init() {}
}
