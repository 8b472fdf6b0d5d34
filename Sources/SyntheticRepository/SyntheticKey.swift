public import Domain

/// One generated key's settings, as the manifest writes them. A nil field is left out, so the
/// policy's default applies.
public struct SyntheticKey: Hashable, Sendable {
    /// The key's name within its owner (`personal` for a user's key).
    public var name: String
    /// The limit per window; nil writes `limit: none`.
    public var limit: USD?
    /// `daily`, `weekly`, `monthly` or `none`; nil takes the policy's default reset.
    public var reset: String?
    /// A period such as `90d`; nil takes the policy's default expiry.
    public var expires: String?
    /// `rotate_every` and `overlap` as periods such as `90d`, when the key rotates.
    public var rotation: Rotation?
    public var includeBYOKInLimit = false
    public var disabled = false
    public var protect = false
    /// Labels in the order they are written.
    public var labels: [Label] = []

    /// A rotation schedule, as periods.
    public struct Rotation: Hashable, Sendable {
        public var every: String
        public var overlap: String
    }

    /// One `name: value` label.
    public struct Label: Hashable, Sendable {
        public var name: String
        public var value: String
    }

    init(name: String) { self.name = name }

    /// Whether the key carries `environment: production`.
    public var isProduction: Bool { labels.contains(Label(name: "environment", value: "production")) }

    /// The most this key can spend in one calendar month, as the manifest's cap check counts it
    /// (a daily limit 31 times, a weekly one 5 times); nil when it has no limit.
    var monthlyExposure: USD? {
        guard let limit else { return nil }
        switch reset {
        case "daily": return limit.times(31)
        case "weekly": return limit.times(5)
        default: return limit
        }
    }
}
