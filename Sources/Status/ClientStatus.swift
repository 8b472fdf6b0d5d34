public import Domain
public import Manifest

/// One client organisation with its users, its keys and what they spent.
public struct ClientStatus: Equatable, Sendable {
    public var id: ClientID
    /// The client as declared, or nil when only the state still has keys for it (the next
    /// apply deletes them).
    public var client: Client?
    public var users: [User]
    /// The client's keys in address order: its own keys first, then each user's.
    public var keys: [KeyStatus]
    /// The markup billed on cost (1× for an undeclared client).
    public var markup: Rate
    /// The sum of the limits of the client's enabled, unexpired keys over the most windows of
    /// each key's reset that fit in a calendar month (a lifetime limit counts once).
    public var keyLimitsPerMonth: USD
    /// How many of those keys have no limit at all, which makes the sum unbounded.
    public var keysWithoutLimit: Int
    /// Credit spend of the client's keys; nil when the data was not refreshed.
    public var cost: UsageWindows?
    /// `cost` times the markup, window by window.
    public var billed: UsageWindows?

    public init(id: ClientID, client: Client?, users: [User], keys: [KeyStatus], markup: Rate, keyLimitsPerMonth: USD,
                keysWithoutLimit: Int, cost: UsageWindows?, billed: UsageWindows?) {
        self.id = id
        self.client = client
        self.users = users
        self.keys = keys
        self.markup = markup
        self.keyLimitsPerMonth = keyLimitsPerMonth
        self.keysWithoutLimit = keysWithoutLimit
        self.cost = cost
        self.billed = billed
    }

    /// The name people read: the declared display name, else the id.
    public var displayName: String { client?.displayName ?? id.rawValue }

    /// Whether the keys' limits could add up to more than the monthly cap in a month.
    public var limitsExceedCap: Bool {
        guard let cap = client?.monthlyCap else { return false }
        return keysWithoutLimit > 0 || keyLimitsPerMonth > cap
    }
}
