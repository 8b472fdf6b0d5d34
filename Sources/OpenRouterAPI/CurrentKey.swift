public import Domain

/// What `GET /key` reports about the key that called it. Unlike `APIKey` it has no hash, name or
/// dates, but it says whether the caller is a management key.
public struct CurrentKey: Hashable, Sendable, Codable {
    /// The deprecated `rate_limit` object, kept for shape only.
    public struct RateLimit: Hashable, Sendable, Codable {
        public var requests: Int
        public var interval: String
        public var note: String

        public init(requests: Int = -1, interval: String = "10s", note: String = "This field is deprecated and safe to ignore.") {
            self.requests = requests
            self.interval = interval
            self.note = note
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            requests = try c.decodeIfPresent(Int.self, forKey: .requests) ?? -1
            interval = try c.decodeIfPresent(String.self, forKey: .interval) ?? ""
            note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        }
    }

    public var label: String
    public var limit: USD?
    public var limitRemaining: USD?
    public var limitReset: LimitReset?
    public var includeBYOKInLimit: Bool
    public var usage: USD
    public var usageDaily: USD
    public var usageWeekly: USD
    public var usageMonthly: USD
    public var byokUsage: USD
    public var byokUsageDaily: USD
    public var byokUsageWeekly: USD
    public var byokUsageMonthly: USD
    public var isFreeTier: Bool
    public var isManagementKey: Bool
    public var expiresAt: APITimestamp?
    public var creatorUserID: String?
    public var rateLimit: RateLimit

    public init(
        label: String, limit: USD? = nil, limitRemaining: USD? = nil, limitReset: LimitReset? = nil,
        includeBYOKInLimit: Bool = false, usage: USD = .zero, usageDaily: USD = .zero, usageWeekly: USD = .zero,
        usageMonthly: USD = .zero, byokUsage: USD = .zero, byokUsageDaily: USD = .zero, byokUsageWeekly: USD = .zero,
        byokUsageMonthly: USD = .zero, isFreeTier: Bool = false, isManagementKey: Bool,
        expiresAt: APITimestamp? = nil, creatorUserID: String? = nil, rateLimit: RateLimit = RateLimit()
    ) {
        self.label = label
        self.limit = limit
        self.limitRemaining = limitRemaining
        self.limitReset = limitReset
        self.includeBYOKInLimit = includeBYOKInLimit
        self.usage = usage
        self.usageDaily = usageDaily
        self.usageWeekly = usageWeekly
        self.usageMonthly = usageMonthly
        self.byokUsage = byokUsage
        self.byokUsageDaily = byokUsageDaily
        self.byokUsageWeekly = byokUsageWeekly
        self.byokUsageMonthly = byokUsageMonthly
        self.isFreeTier = isFreeTier
        self.isManagementKey = isManagementKey
        self.expiresAt = expiresAt
        self.creatorUserID = creatorUserID
        self.rateLimit = rateLimit
    }

    enum CodingKeys: String, CodingKey {
        case label, limit
        case limitRemaining = "limit_remaining"
        case limitReset = "limit_reset"
        case includeBYOKInLimit = "include_byok_in_limit"
        case usage
        case usageDaily = "usage_daily"
        case usageWeekly = "usage_weekly"
        case usageMonthly = "usage_monthly"
        case byokUsage = "byok_usage"
        case byokUsageDaily = "byok_usage_daily"
        case byokUsageWeekly = "byok_usage_weekly"
        case byokUsageMonthly = "byok_usage_monthly"
        case isFreeTier = "is_free_tier"
        case isManagementKey = "is_management_key"
        case isProvisioningKey = "is_provisioning_key"
        case expiresAt = "expires_at"
        case creatorUserID = "creator_user_id"
        case rateLimit = "rate_limit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        limit = try c.decodeUSDIfPresent(.limit)
        limitRemaining = try c.decodeUSDIfPresent(.limitRemaining)
        limitReset = try c.decodeLimitResetIfPresent(.limitReset)
        includeBYOKInLimit = try c.decodeIfPresent(Bool.self, forKey: .includeBYOKInLimit) ?? false
        usage = try c.decodeUSDIfPresent(.usage) ?? .zero
        usageDaily = try c.decodeUSDIfPresent(.usageDaily) ?? .zero
        usageWeekly = try c.decodeUSDIfPresent(.usageWeekly) ?? .zero
        usageMonthly = try c.decodeUSDIfPresent(.usageMonthly) ?? .zero
        byokUsage = try c.decodeUSDIfPresent(.byokUsage) ?? .zero
        byokUsageDaily = try c.decodeUSDIfPresent(.byokUsageDaily) ?? .zero
        byokUsageWeekly = try c.decodeUSDIfPresent(.byokUsageWeekly) ?? .zero
        byokUsageMonthly = try c.decodeUSDIfPresent(.byokUsageMonthly) ?? .zero
        isFreeTier = try c.decodeIfPresent(Bool.self, forKey: .isFreeTier) ?? false
        // `is_provisioning_key` is the deprecated name of the same flag.
        isManagementKey = try c.decodeIfPresent(Bool.self, forKey: .isManagementKey)
            ?? c.decodeIfPresent(Bool.self, forKey: .isProvisioningKey) ?? false
        expiresAt = try c.decodeIfPresent(APITimestamp.self, forKey: .expiresAt)
        creatorUserID = try c.decodeIfPresent(String.self, forKey: .creatorUserID)
        rateLimit = try c.decodeIfPresent(RateLimit.self, forKey: .rateLimit) ?? RateLimit()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encodeNullableUSD(limit, .limit)
        try c.encodeNullableUSD(limitRemaining, .limitRemaining)
        try c.encodeNullable(limitReset?.rawValue, .limitReset)
        try c.encode(includeBYOKInLimit, forKey: .includeBYOKInLimit)
        try c.encodeUSD(usage, .usage)
        try c.encodeUSD(usageDaily, .usageDaily)
        try c.encodeUSD(usageWeekly, .usageWeekly)
        try c.encodeUSD(usageMonthly, .usageMonthly)
        try c.encodeUSD(byokUsage, .byokUsage)
        try c.encodeUSD(byokUsageDaily, .byokUsageDaily)
        try c.encodeUSD(byokUsageWeekly, .byokUsageWeekly)
        try c.encodeUSD(byokUsageMonthly, .byokUsageMonthly)
        try c.encode(isFreeTier, forKey: .isFreeTier)
        try c.encode(isManagementKey, forKey: .isManagementKey)
        try c.encode(isManagementKey, forKey: .isProvisioningKey)
        try c.encodeNullable(expiresAt, .expiresAt)
        try c.encodeNullable(creatorUserID, .creatorUserID)
        try c.encode(rateLimit, forKey: .rateLimit)
    }
}
