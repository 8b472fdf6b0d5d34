public import Domain

/// A change that lets a key spend more than before. Every output format flags each one, so a
/// reviewer cannot miss money being unlocked.
public enum SpendWidening: Codable, Hashable, Sendable {
    /// The limit goes up.
    case higherLimit(from: USD, to: USD)
    /// The limit is removed.
    case limitRemoved(was: USD)
    /// The limit resets more often, so more can be spent per month.
    case shorterWindow(from: LimitReset?, to: LimitReset)
    /// BYOK spend no longer counts against the limit.
    case byokExcluded
    /// A disabled key is enabled again.
    case reenabled
    /// A workspace budget goes up.
    case budgetRaised(interval: BudgetInterval, from: USD, to: USD)
    /// A workspace budget is removed: that window no longer stops spend.
    case budgetRemoved(interval: BudgetInterval, was: USD)
    /// BYOK spend no longer counts against the workspace's budgets.
    case byokExcludedFromBudgets

    /// Every way `after` lets a key spend more than `before`.
    public static func between(_ before: KeyValues, _ after: KeyValues) -> [SpendWidening] {
        var result: [SpendWidening] = []
        switch (before.limit, after.limit) {
        case let (old?, new?) where new > old: result.append(.higherLimit(from: old, to: new))
        case let (old?, nil): result.append(.limitRemoved(was: old))
        default: break
        }
        if after.limit != nil, let newReset = after.limitReset, before.limitReset.map({ newReset < $0 }) ?? true,
            before.limitReset != newReset {
            result.append(.shorterWindow(from: before.limitReset, to: newReset))
        }
        if before.includeBYOKInLimit && !after.includeBYOKInLimit { result.append(.byokExcluded) }
        if before.disabled && !after.disabled { result.append(.reenabled) }
        return result
    }
}
