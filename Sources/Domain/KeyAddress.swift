/// Where a key lives in the manifests: `client/key` for a client's key, `client/user/key` for a
/// user's key. The address is keyplane's identity for a key across manifests, state and plans;
/// OpenRouter's hash changes when a key is replaced, the address does not.
public struct KeyAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let client: ClientID
    /// The owning user, or nil for a key the client owns directly.
    public let user: UserID?
    public let name: KeyName

    public init(client: ClientID, user: UserID? = nil, name: KeyName) {
        self.client = client
        self.user = user
        self.name = name
    }

    /// Parses `client/key` or `client/user/key`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 2:
            guard let client = ClientID(parts[0]), let name = KeyName(parts[1]) else { return nil }
            self.init(client: client, name: name)
        case 3:
            guard let client = ClientID(parts[0]), let user = UserID(parts[1]), let name = KeyName(parts[2]) else { return nil }
            self.init(client: client, user: user, name: name)
        default:
            return nil
        }
    }

    public var description: String {
        if let user { return "\(client.rawValue)/\(user.rawValue)/\(name.rawValue)" }
        return "\(client.rawValue)/\(name.rawValue)"
    }

    /// Client keys sort before user keys of the same client; then by user, then by name.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.client != rhs.client { return lhs.client < rhs.client }
        switch (lhs.user, rhs.user) {
        case (nil, nil): return lhs.name < rhs.name
        case (nil, _): return true
        case (_, nil): return false
        case let (l?, r?): return l == r ? lhs.name < rhs.name : l < r
        }
    }
}
