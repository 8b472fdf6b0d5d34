public import Domain
public import Foundation
public import Plan

/// What carrying out one change did, to be folded into the state in plan order.
public enum AppliedChange: Sendable {
    /// A key was created (a create, or the new key of a replace); its secret is in the journal.
    case created(address: KeyAddress, hash: String, sealedSecret: String, createdAt: Date, values: KeyValues,
                 replacing: PlanChange?)
    /// A key's settings were changed in place.
    case updated(address: KeyAddress, values: KeyValues)
    /// A key (or a rotation's previous key) was deleted.
    case deleted(address: KeyAddress, subject: PlanChange.Subject, hash: String)
    /// An existing key was taken under management, its secret unknown.
    case adopted(address: KeyAddress, hash: String, values: KeyValues, createdAt: Date)
}

/// The outcome of carrying out a plan's changes: what each did, and which succeeded, failed or
/// never started.
public struct ApplyResult: Sendable {
    /// The effects of the changes that succeeded, in plan order, for the state.
    public var applied: [AppliedChange] = []
    public var succeeded: [PlanChange] = []
    public var failed: [(change: PlanChange, message: String)] = []
    /// Changes that never started: a change failed first, or a change they follow failed.
    public var notStarted: [PlanChange] = []
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

/// What an apply did, for people and machines: each change by address as applied, failed or not
/// started, what recovery found, and the commit. No secret: addresses, actions and messages only.
public struct ApplyReport: Codable, Sendable, Equatable {
    /// One change, by address.
    public struct Item: Codable, Sendable, Equatable {
        public var resource: ResourceAddress
        public var subject: PlanChange.Subject
        public var action: PlanAction
        /// Why it failed, for a failed change.
        public var message: String?
    }

    public var applied: [Item] = []
    public var failed: [Item] = []
    public var notStarted: [Item] = []
    /// What recovery from an interrupted apply's journal did.
    public var recovered: [String] = []
    public var notes: [String] = []
    /// The apply commit's id, when one was made.
    public var commit: String?
    /// The commit's subject line.
    public var commitSubject: String?
    /// The remote pushed to, when the push succeeded.
    public var pushedTo: String?

    public init() {}

    init(_ result: ApplyResult, recovered: [String]) {
        func item(_ change: PlanChange, _ message: String? = nil) -> Item {
            Item(resource: change.resource, subject: change.subject, action: change.action, message: message)
        }
        applied = result.succeeded.map { item($0) }
        failed = result.failed.map { item($0.change, $0.message) }
        notStarted = result.notStarted.map { item($0) }
        self.recovered = recovered
        notes = result.notes
    }
}
