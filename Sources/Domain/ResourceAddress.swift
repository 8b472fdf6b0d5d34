/// The kinds of thing keyplane manages on OpenRouter. Keys are the first; workspaces, budgets,
/// guardrails and BYOK provider credentials follow as cases of their own.
public enum ResourceKind: String, Codable, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
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
    /// A key, by its address in the manifests.
    case key(KeyAddress)

    public var kind: ResourceKind {
        switch self {
        case .key: .key
        }
    }

    /// The key address, for a key.
    public var keyAddress: KeyAddress? {
        switch self {
        case .key(let address): address
        }
    }

    /// The client the resource belongs to.
    public var client: ClientID {
        switch self {
        case .key(let address): address.client
        }
    }

    /// The address within its kind, such as `northwind/prod-api` for a key.
    public var description: String {
        switch self {
        case .key(let address): address.description
        }
    }

    /// By client, then kind, then the address within the kind.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case let (.key(a), .key(b)): a < b
        }
    }
}

extension ResourceAddress: Codable {
    private enum CodingKeys: String, CodingKey { case kind, address }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(ResourceKind.self, forKey: .kind) {
        case .key: self = .key(try container.decode(KeyAddress.self, forKey: .address))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .key(let address): try container.encode(address, forKey: .address)
        }
    }
}
