public import Domain
public import Foundation
public import Manifest

/// One thing a plan does to one resource: its address (which carries its kind), the action, the
/// values before and after, the changes it must follow, and why (as data).
public struct PlanChange: Codable, Hashable, Sendable {
    /// Which OpenRouter object at the address a change acts on.
    public enum Subject: String, Codable, Hashable, Sendable {
        /// The object the address currently names.
        case current
        /// The previous generation kept alive during a rotation's overlap.
        case predecessor
    }

    /// How a replacement hands over from the old key to the new one.
    public enum Handover: Codable, Hashable, Sendable {
        /// The old key is deleted as soon as the new one exists.
        case immediate
        /// The old key stays live until `until`, and a later apply deletes it (rotation).
        case overlap(until: Date)
    }

    public var resource: ResourceAddress
    public var action: PlanAction
    public var subject: Subject
    /// OpenRouter's id of the object acted on (a key's hash; nil for a create).
    public var remoteID: String?
    /// The values as refreshed (or as recorded, without a refresh); nil for a create.
    public var before: ResourceValues?
    /// The values after the change; nil for a delete.
    public var after: ResourceValues?
    /// The changes that must finish before this one starts: a workspace before the keys in it,
    /// the keys in a workspace before the workspace is deleted. Apply starts a change only once
    /// every change it follows succeeded.
    public var follows: [ResourceAddress]
    /// For a key's create or replace: the expiry to give the new key, a fixed date or a period
    /// from its creation.
    public var expiry: Expiry?
    /// For a replace: when the old key goes.
    public var handover: Handover?
    /// Why, as data; the renderers word it.
    public var reasons: [ChangeReason]
    /// Ways this change lets the resource spend more.
    public var widening: [SpendWidening]

    public init(resource: ResourceAddress, action: PlanAction, subject: Subject = .current, remoteID: String? = nil,
                before: ResourceValues? = nil, after: ResourceValues? = nil, follows: [ResourceAddress] = [],
                expiry: Expiry? = nil, handover: Handover? = nil, reasons: [ChangeReason] = [],
                widening: [SpendWidening] = []) {
        self.resource = resource
        self.action = action
        self.subject = subject
        self.remoteID = remoteID
        self.before = before
        self.after = after
        self.follows = follows
        self.expiry = expiry
        self.handover = handover
        self.reasons = reasons
        self.widening = widening
    }

    /// The kind of resource acted on.
    public var kind: ResourceKind { resource.kind }

    /// The key's address, for a change to a key.
    public var keyAddress: KeyAddress? { resource.keyAddress }

    /// A key's values before the change.
    public var keyBefore: KeyValues? { before?.key }

    /// A key's values after the change.
    public var keyAfter: KeyValues? { after?.key }

    /// Whether the key will have a new secret that deployments must pick up.
    public var issuesNewSecret: Bool { kind == .key && (action == .create || action == .replace) }

    /// The fields that differ between before and after.
    public var changedFields: [KeyValues.Field] {
        guard let before = keyBefore, let after = keyAfter else { return [] }
        return after.differences(from: before)
    }

    /// Identifies the change within a plan: a resource has at most one change per subject.
    public var id: ChangeID { ChangeID(resource: resource, subject: subject) }
}

/// A change's identity within a plan.
public struct ChangeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var resource: ResourceAddress
    public var subject: PlanChange.Subject

    public init(resource: ResourceAddress, subject: PlanChange.Subject) {
        self.resource = resource
        self.subject = subject
    }

    public var description: String { subject == .current ? resource.description : "\(resource) (previous key)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.resource == rhs.resource ? lhs.subject.rawValue < rhs.subject.rawValue : lhs.resource < rhs.resource
    }
}

extension Expiry: Codable {
    private enum CodingKeys: String, CodingKey { case at, after }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let date = try container.decodeIfPresent(Date.self, forKey: .at) {
            self = .at(date)
        } else {
            self = .after(try container.decode(Period.self, forKey: .after))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .at(let date): try container.encode(date, forKey: .at)
        case .after(let period): try container.encode(period, forKey: .after)
        }
    }
}
