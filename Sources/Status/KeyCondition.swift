/// Where a key stands at the snapshot's moment. Exactly one applies; a disabled key past its
/// expiry counts as expired.
public enum KeyCondition: String, Equatable, Sendable, CaseIterable, CustomStringConvertible {
    /// Created, enabled and not expired.
    case active
    /// Created and disabled.
    case disabled
    /// Past its expiry.
    case expired
    /// Declared in the manifests but not created yet: the next apply creates it.
    case pending

    public var description: String {
        switch self {
        case .active: "active"
        case .disabled: "disabled"
        case .expired: "expired"
        case .pending: "not created yet"
        }
    }
}
