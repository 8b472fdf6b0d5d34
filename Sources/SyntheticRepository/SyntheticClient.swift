public import Domain

/// One generated client organisation with its users (each with a personal key) and client keys.
public struct SyntheticClient: Hashable, Sendable {
    public var id: String
    public var name: String
    public var billingEmail: String
    /// A markup such as `1.25`, written as is.
    public var markup: String
    /// Above what its enabled keys can spend in a month; nil when one of them has no limit.
    public var monthlyCap: USD?
    public var currency: String
    public var users: [SyntheticUser]
    public var keys: [SyntheticKey]

    /// Every key this client owns: its users' personal keys and its own.
    public var keyCount: Int { users.count + keys.count }
}

/// One generated person with a personal key.
public struct SyntheticUser: Hashable, Sendable {
    public var id: String
    public var name: String
    public var email: String
    public var key: SyntheticKey
}
