/// The kinds of thing keyplane manages on OpenRouter. Keys are the first; workspaces, budgets,
/// guardrails and BYOK provider credentials follow as cases of their own.
public enum ResourceKind: String, Codable, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// A client's workspace (`/workspaces`).
    case workspace
    /// One of a workspace's budgets (`/workspaces/{id}/budgets/{interval}`).
    case budget
    /// An API key (`/keys`).
    case key

    public var description: String { rawValue }

    /// The order kinds are listed in when nothing else decides: containers before what they hold.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a plan change acts on: a resource's kind and its identity within that kind. keyplane's
/// identity for a resource is where the manifests declare it, never OpenRouter's id, which
/// changes when a resource is replaced.
public enum ResourceAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// A client's workspace, by the client.
    case workspace(ClientID)
    /// A client's workspace budget for one window.
    case budget(ClientID, BudgetInterval)
    /// A key, by its address in the manifests.
    case key(KeyAddress)

    public var kind: ResourceKind {
        switch self {
        case .workspace: .workspace
        case .budget: .budget
        case .key: .key
        }
    }

    /// The key address, for a key.
    public var keyAddress: KeyAddress? {
        switch self {
        case .key(let address): address
        case .workspace, .budget: nil
        }
    }

    /// The client the resource belongs to.
    public var client: ClientID {
        switch self {
        case .workspace(let client), .budget(let client, _): client
        case .key(let address): address.client
        }
    }

    /// The address within its kind: `northwind/prod-api` for a key, `northwind` for a
    /// workspace, `northwind/budget/monthly` for a budget.
    public var description: String {
        switch self {
        case .workspace(let client): "\(client)"
        case .budget(let client, let interval): "\(client)/budget/\(interval)"
        case .key(let address): address.description
        }
    }

    /// By client, then kind (a workspace, its budgets widest first, then its keys), then the
    /// address within the kind.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.client != rhs.client { return lhs.client < rhs.client }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        switch (lhs, rhs) {
        case let (.budget(_, a), .budget(_, b)): return a > b
        case let (.key(a), .key(b)): return a < b
        default: return false
        }
    }
}

extension ResourceAddress: Codable {
    private enum CodingKeys: String, CodingKey { case kind, address, client, interval }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(ResourceKind.self, forKey: .kind) {
        case .key: self = .key(try container.decode(KeyAddress.self, forKey: .address))
        case .workspace: self = .workspace(try container.decode(ClientID.self, forKey: .client))
        case .budget:
            self = .budget(try container.decode(ClientID.self, forKey: .client),
                           try container.decode(BudgetInterval.self, forKey: .interval))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .key(let address): try container.encode(address, forKey: .address)
        case .workspace(let client): try container.encode(client, forKey: .client)
        case .budget(let client, let interval):
            try container.encode(client, forKey: .client)
            try container.encode(interval, forKey: .interval)
        }
    }
}
