public import Domain

/// The values of a resource before or after a change, by kind. Each kind adds a case.
public enum ResourceValues: Hashable, Sendable {
    case key(KeyValues)

    public var kind: ResourceKind {
        switch self {
        case .key: .key
        }
    }

    /// The values of a key.
    public var key: KeyValues? {
        switch self {
        case .key(let values): values
        }
    }
}

extension ResourceValues: Codable {
    /// `{"kind": "key", "values": {…}}`: the kind beside the values, as a reader expects.
    private enum CodingKeys: String, CodingKey { case kind, values }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(ResourceKind.self, forKey: .kind) {
        case .key: self = .key(try container.decode(KeyValues.self, forKey: .values))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .key(let values): try container.encode(values, forKey: .values)
        }
    }
}
