public import Domain

/// The values of a resource before or after a change, by kind. Each kind adds a case.
public enum ResourceValues: Codable, Hashable, Sendable {
    case key(KeyValues)

    /// The values of a key.
    public var key: KeyValues? {
        switch self {
        case .key(let values): values
        }
    }
}
