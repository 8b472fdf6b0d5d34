/// How many clients a synthetic repository has, and how many users and client keys each one has.
/// Every user has one personal key, so a client owns `usersPerClient + clientKeysPerClient` keys.
public struct SyntheticShape: Hashable, Sendable, CustomStringConvertible {
    public var clients: Int
    public var usersPerClient: Int
    public var clientKeysPerClient: Int

    public init(clients: Int, usersPerClient: Int, clientKeysPerClient: Int) throws(SyntheticShapeError) {
        guard clients >= 1, usersPerClient >= 0, clientKeysPerClient >= 1 else {
            throw SyntheticShapeError("a shape needs at least 1 client with at least 1 client key, and no negative counts")
        }
        // Ids are zero-padded to four digits for clients and three for users and keys.
        guard clients <= 9_999, usersPerClient <= 999, clientKeysPerClient <= 999 else {
            throw SyntheticShapeError("at most 9,999 clients, 999 users and 999 client keys per client")
        }
        self.clients = clients
        self.usersPerClient = usersPerClient
        self.clientKeysPerClient = clientKeysPerClient
    }

    /// The benchmark's shape for `keys` keys: one client per 100 keys, each with 50 users (one
    /// personal key each) and 50 client keys. 10,000 keys are 100 clients; 1,000 keys are 10.
    public init(keys: Int) throws(SyntheticShapeError) {
        guard keys >= 100, keys % 100 == 0 else {
            throw SyntheticShapeError("the standard shape has 100 keys per client: give a multiple of 100, not \(keys)")
        }
        try self.init(clients: keys / 100, usersPerClient: 50, clientKeysPerClient: 50)
    }

    public var users: Int { clients * usersPerClient }
    public var keys: Int { clients * (usersPerClient + clientKeysPerClient) }

    public var description: String {
        "\(clients) clients × (\(usersPerClient) users with a personal key + \(clientKeysPerClient) client keys) = \(keys) keys"
    }
}

/// A shape that cannot be generated.
public struct SyntheticShapeError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
