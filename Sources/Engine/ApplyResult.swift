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
    /// The keys created, updated or adopted, as OpenRouter's answers described them: with the
    /// refresh made before the apply, they give the live keys after it without listing again.
    public var answers: [LiveKey] = []

    public init() {}
}

extension ApplyResult {
    /// The live keys after the apply, from the refresh made before it (`before`): deleted keys
    /// taken out, and each created, updated or adopted key as OpenRouter answered for it. Listing
    /// every key again would only repeat what these answers already say.
    public func liveKeys(updating before: [LiveKey]) -> [LiveKey] {
        var deleted = Set<String>()
        for change in applied {
            if case .deleted(_, _, let hash) = change { deleted.insert(hash) }
        }
        var answered: [String: LiveKey] = [:]
        for key in answers { answered[key.hash] = key }
        var keys: [LiveKey] = []
        keys.reserveCapacity(before.count + answers.count)
        for key in before where !deleted.contains(key.hash) {
            keys.append(answered.removeValue(forKey: key.hash) ?? key)
        }
        for key in answers where answered[key.hash] != nil && !deleted.contains(key.hash) {
            keys.append(answered.removeValue(forKey: key.hash)!)
        }
        return keys
    }
}
