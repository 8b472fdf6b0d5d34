public import Domain

/// The whole repository in numbers.
public struct StatusTotals: Equatable, Sendable {
    public var clients: Int
    public var users: Int
    /// Every managed or declared key, whatever its condition.
    public var keys: Int
    /// Keys by condition.
    public var byCondition: [KeyCondition: Int]
    /// Keys on OpenRouter that keyplane does not manage.
    public var unmanaged: Int
    /// Credit spend of all managed keys; nil when the data was not refreshed.
    public var cost: UsageWindows?
    /// What the clients are billed for that spend, each at its markup.
    public var billed: UsageWindows?
    /// Credit spend of the unmanaged keys, billed to nobody.
    public var unmanagedCost: UsageWindows?

    public init(clients: Int, users: Int, keys: Int, byCondition: [KeyCondition: Int], unmanaged: Int,
                cost: UsageWindows?, billed: UsageWindows?, unmanagedCost: UsageWindows?) {
        self.clients = clients
        self.users = users
        self.keys = keys
        self.byCondition = byCondition
        self.unmanaged = unmanaged
        self.cost = cost
        self.billed = billed
        self.unmanagedCost = unmanagedCost
    }

    /// How many keys are in `condition`.
    public func count(_ condition: KeyCondition) -> Int { byCondition[condition] ?? 0 }
}
