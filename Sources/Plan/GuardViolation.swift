public import Domain

/// A change the plan refuses to make. A plan with any violation cannot be saved or applied.
public struct GuardViolation: Codable, Hashable, Sendable {
    public enum Rule: String, Codable, Hashable, Sendable {
        /// Deleting a key marked `protect`.
        case protectedKey = "protected-key"
        /// Deleting or disabling a client's last active production key.
        case lastProductionKey = "last-production-key"
        /// Putting a management key into the state.
        case managementKey = "management-key"
        /// An import that cannot be carried out: the address is not declared, or the key is
        /// already managed under another address.
        case invalidImport = "invalid-import"
    }

    public var resource: ResourceAddress
    public var rule: Rule
    /// What happened and what to do, for people.
    public var message: String

    public init(resource: ResourceAddress, rule: Rule, message: String) {
        self.resource = resource
        self.rule = rule
        self.message = message
    }
}
