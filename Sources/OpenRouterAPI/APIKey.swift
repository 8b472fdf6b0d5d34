public import Domain

/// One key as `/keys` reports it (`data` of list, get, create and update). It never holds the
/// secret; `label` is a masked preview such as `sk-or-v1-b7e...2b2`.
public struct APIKey: Hashable, Sendable, Codable {
    public var hash: KeyHash
    public var name: String
    public var label: String
    public var disabled: Bool
    /// Spending cap; nil means no cap.
    public var limit: USD?
    /// What is left under the cap in the current window; nil when there is no cap.
    public var limitRemaining: USD?
    /// How often the cap starts again; nil means a lifetime cap.
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
    public var createdAt: APITimestamp
    public var updatedAt: APITimestamp?
    public var expiresAt: APITimestamp?
    public var creatorUserID: String?
    public var workspaceID: String

    public init(
        hash: KeyHash, name: String, label: String, disabled: Bool = false, limit: USD? = nil,
        limitRemaining: USD? = nil, limitReset: LimitReset? = nil, includeBYOKInLimit: Bool = false,
        usage: USD = .zero, usageDaily: USD = .zero, usageWeekly: USD = .zero, usageMonthly: USD = .zero,
        byokUsage: USD = .zero, byokUsageDaily: USD = .zero, byokUsageWeekly: USD = .zero, byokUsageMonthly: USD = .zero,
        createdAt: APITimestamp, updatedAt: APITimestamp? = nil, expiresAt: APITimestamp? = nil,
        creatorUserID: String? = nil, workspaceID: String
    ) {
        self.hash = hash
        self.name = name
        self.label = label
        self.disabled = disabled
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
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.expiresAt = expiresAt
        self.creatorUserID = creatorUserID
        self.workspaceID = workspaceID
    }

    enum CodingKeys: String, CodingKey {
        case hash, name, label, disabled, limit
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
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case expiresAt = "expires_at"
        case creatorUserID = "creator_user_id"
        case workspaceID = "workspace_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hash = try c.decode(KeyHash.self, forKey: .hash)
        name = try c.decode(String.self, forKey: .name)
        label = try c.decode(String.self, forKey: .label)
        disabled = try c.decode(Bool.self, forKey: .disabled)
        limit = try c.decodeUSDIfPresent(.limit)
        limitRemaining = try c.decodeUSDIfPresent(.limitRemaining)
        limitReset = try c.decodeLimitResetIfPresent(.limitReset)
        includeBYOKInLimit = try c.decodeIfPresent(Bool.self, forKey: .includeBYOKInLimit) ?? false
        usage = try c.decodeUSD(.usage)
        usageDaily = try c.decodeUSD(.usageDaily)
        usageWeekly = try c.decodeUSD(.usageWeekly)
        usageMonthly = try c.decodeUSD(.usageMonthly)
        // Live responses sometimes omit the BYOK windows although the spec requires them.
        byokUsage = try c.decodeUSDIfPresent(.byokUsage) ?? .zero
        byokUsageDaily = try c.decodeUSDIfPresent(.byokUsageDaily) ?? .zero
        byokUsageWeekly = try c.decodeUSDIfPresent(.byokUsageWeekly) ?? .zero
        byokUsageMonthly = try c.decodeUSDIfPresent(.byokUsageMonthly) ?? .zero
        createdAt = try c.decode(APITimestamp.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(APITimestamp.self, forKey: .updatedAt)
        expiresAt = try c.decodeIfPresent(APITimestamp.self, forKey: .expiresAt)
        creatorUserID = try c.decodeIfPresent(String.self, forKey: .creatorUserID)
        workspaceID = try c.decode(String.self, forKey: .workspaceID)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hash, forKey: .hash)
        try c.encode(name, forKey: .name)
        try c.encode(label, forKey: .label)
        try c.encode(disabled, forKey: .disabled)
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
        try c.encode(createdAt, forKey: .createdAt)
        try c.encodeNullable(updatedAt, .updatedAt)
        try c.encodeNullable(expiresAt, .expiresAt)
        try c.encodeNullable(creatorUserID, .creatorUserID)
        try c.encode(workspaceID, forKey: .workspaceID)
    }
}
