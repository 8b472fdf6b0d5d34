/// The reasons a key (or an unmanaged key) needs someone's attention, in the order they are shown.
public enum AttentionKind: String, Equatable, Sendable, CaseIterable {
    /// 80% or more of the limit spent in the current window.
    case nearLimit
    /// Expired, or expiring within 7 days.
    case expiring
    /// The rotation schedule says the key should have been rotated.
    case rotationDue
    /// The last refresh found OpenRouter differing from the state.
    case drift
    /// A key on OpenRouter that keyplane does not manage.
    case unmanaged
    /// An adopted key whose secret keyplane never saw.
    case unknownSecret

    /// A heading for the category.
    public var title: String {
        switch self {
        case .nearLimit: "At 80% or more of their limit"
        case .expiring: "Expired or expiring within 7 days"
        case .rotationDue: "Rotation due"
        case .drift: "Drift found at the last refresh"
        case .unmanaged: "Unmanaged keys"
        case .unknownSecret: "Adopted keys whose secret is unknown"
        }
    }
}
