public import Domain

/// The values of a resource before or after a change, by kind. Each kind adds a case.
public enum ResourceValues: Hashable, Sendable {
    /// A key's settings.
    case key(KeyValues)
    /// A workspace's own settings; its budgets are resources of their own, in `budget`.
    case workspace(WorkspaceValues)
    /// One budget's amount.
    case budget(USD)

    public var kind: ResourceKind {
        switch self {
        case .key: .key
        case .workspace: .workspace
        case .budget: .budget
        }
    }

    /// The values of a key.
    public var key: KeyValues? {
        if case .key(let values) = self { return values }
        return nil
    }

    /// The values of a workspace.
    public var workspace: WorkspaceValues? {
        if case .workspace(let values) = self { return values }
        return nil
    }

    /// The amount of a budget.
    public var budget: USD? {
        if case .budget(let amount) = self { return amount }
        return nil
    }
}

extension ResourceValues: Codable {
    /// `{"kind": "key", "values": {…}}`: the kind beside the values, as a reader expects.
    private enum CodingKeys: String, CodingKey { case kind, values }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(ResourceKind.self, forKey: .kind) {
        case .key: self = .key(try container.decode(KeyValues.self, forKey: .values))
        case .workspace: self = .workspace(try container.decode(WorkspaceValues.self, forKey: .values))
        case .budget: self = .budget(try container.decode(USD.self, forKey: .values))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .key(let values): try container.encode(values, forKey: .values)
        case .workspace(let values): try container.encode(values, forKey: .values)
        case .budget(let amount): try container.encode(amount, forKey: .values)
        }
    }
}
