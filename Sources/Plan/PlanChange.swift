public import Domain
public import Foundation
public import Manifest

/// One thing a plan does: the key's address, the action, the values before and after, and why.
public struct PlanChange: Codable, Hashable, Sendable {
    /// Which OpenRouter key at the address a change acts on.
    public enum Subject: String, Codable, Hashable, Sendable {
        /// The key the address currently names.
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

    public var address: KeyAddress
    public var action: PlanAction
    public var subject: Subject
    /// The OpenRouter hash acted on (nil for a create).
    public var hash: String?
    /// The values as refreshed (or as recorded, without a refresh); nil for a create.
    public var before: KeyValues?
    /// The values after the change; nil for a delete.
    public var after: KeyValues?
    /// The expiry to give a newly created key: a fixed date or a period from its creation.
    public var expiry: Expiry?
    /// For a replace: when the old key goes.
    public var handover: Handover?
    /// Why, in words, for people. Display only: nothing decides on it.
    public var reasons: [String]
    /// Ways this change lets the key spend more.
    public var widening: [SpendWidening]
    /// Whether the key will have a new secret that deployments must pick up.
    public var issuesNewSecret: Bool { action == .create || action == .replace }

    public init(address: KeyAddress, action: PlanAction, subject: Subject = .current, hash: String? = nil,
                before: KeyValues? = nil, after: KeyValues? = nil, expiry: Expiry? = nil, handover: Handover? = nil,
                reasons: [String] = [], widening: [SpendWidening] = []) {
        self.address = address
        self.action = action
        self.subject = subject
        self.hash = hash
        self.before = before
        self.after = after
        self.expiry = expiry
        self.handover = handover
        self.reasons = reasons
        self.widening = widening
    }

    /// The fields that differ between before and after.
    public var changedFields: [KeyValues.Field] {
        guard let before, let after else { return [] }
        return after.differences(from: before)
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
