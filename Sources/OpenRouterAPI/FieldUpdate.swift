/// One field of a partial update: leave it as it is, set it, or clear it with an explicit `null`.
/// `PATCH` bodies need all three; an optional alone cannot tell "absent" from `null`.
public enum FieldUpdate<Value: Hashable & Sendable>: Hashable, Sendable {
    case unchanged
    case set(Value)
    case clear

    /// The value after applying this update to `current`.
    public func applied(to current: Value?) -> Value? {
        switch self {
        case .unchanged: current
        case .set(let value): value
        case .clear: nil
        }
    }

    /// Whether the update changes anything.
    public var isUnchanged: Bool { self == .unchanged }
}
