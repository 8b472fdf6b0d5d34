public import Domain
public import OpenRouterAPI

extension LiveKey {
    /// The refreshed view of a key as the API returned it.
    public init(_ key: APIKey) {
        self.init(
            hash: key.hash.rawValue,
            values: KeyValues(name: key.name, limit: key.limit, limitReset: key.limitReset,
                              includeBYOKInLimit: key.includeBYOKInLimit, disabled: key.disabled,
                              expiresAt: key.expiresAt?.date),
            label: key.label, limitRemaining: key.limitRemaining,
            usage: KeyUsage(
                credit: UsageWindows(daily: key.usageDaily, weekly: key.usageWeekly, monthly: key.usageMonthly, total: key.usage),
                byok: UsageWindows(daily: key.byokUsageDaily, weekly: key.byokUsageWeekly, monthly: key.byokUsageMonthly,
                                   total: key.byokUsage)),
            createdAt: key.createdAt.date, updatedAt: key.updatedAt?.date, workspaceID: key.workspaceID)
    }
}
