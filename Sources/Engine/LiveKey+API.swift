public import Domain
public import OpenRouterAPI

extension LiveKey {
    /// The refreshed view of a key as the API returned it.
    public init(_ key: APIKey) {
        self.init(
            hash: key.hash.rawValue, name: key.name, label: key.label, disabled: key.disabled, limit: key.limit,
            limitRemaining: key.limitRemaining, limitReset: key.limitReset, includeBYOKInLimit: key.includeBYOKInLimit,
            usage: KeyUsage(
                credit: UsageWindows(daily: key.usageDaily, weekly: key.usageWeekly, monthly: key.usageMonthly, total: key.usage),
                byok: UsageWindows(daily: key.byokUsageDaily, weekly: key.byokUsageWeekly, monthly: key.byokUsageMonthly,
                                   total: key.byokUsage)),
            createdAt: key.createdAt.date, updatedAt: key.updatedAt?.date, expiresAt: key.expiresAt?.date)
    }
}
