public import Domain
public import Foundation

/// Something a reviewer should know that does not stop the plan.
public struct PlanWarning: Codable, Hashable, Sendable {
    public enum Kind: Codable, Hashable, Sendable {
        /// The new limit is at or below what the key already spent in its window: it stops at once.
        case limitBelowUsage(limit: USD, spent: USD)
        /// The key expires within the warning period and is not being replaced.
        case expiresSoon(at: Date)
        /// The key's secret is unknown to keyplane (it was adopted); deployments must hold it elsewhere.
        case secretUnknown
    }

    public var resource: ResourceAddress
    public var kind: Kind

    public init(resource: ResourceAddress, kind: Kind) {
        self.resource = resource
        self.kind = kind
    }
}
