public import Domain

/// One change to one of a workspace's budgets.
public struct BudgetWrite: Hashable, Sendable {
    public var interval: BudgetInterval
    /// The amount to set, or nil to remove the budget.
    public var amount: USD?

    public init(interval: BudgetInterval, amount: USD?) {
        self.interval = interval
        self.amount = amount
    }
}

/// The order in which to change a workspace's budgets so that no write breaks OpenRouter's rule
/// that budgets strictly decrease as the window narrows (lifetime > monthly > weekly > daily):
/// OpenRouter checks each write against the budgets as they stand.
///
/// First every removal and every lowering, narrowest window first; then every new budget and
/// every raise, widest window first. A lowered budget then always lands above the narrower ones,
/// which are already at their (lower) targets or only rise later from below them; a raised one
/// always lands below the wider ones, which are already at their targets. Removing a budget can
/// never break the rule.
public enum BudgetWrites {
    public static func ordered(from current: WorkspaceBudgets, to desired: WorkspaceBudgets) -> [BudgetWrite] {
        var lowering: [BudgetWrite] = []
        var raising: [BudgetWrite] = []
        for interval in BudgetInterval.allCases {
            switch (current[interval], desired[interval]) {
            case (nil, nil): break
            case (_?, nil): lowering.append(BudgetWrite(interval: interval, amount: nil))
            case (nil, let new?): raising.append(BudgetWrite(interval: interval, amount: new))
            case let (old?, new?) where new < old: lowering.append(BudgetWrite(interval: interval, amount: new))
            case let (old?, new?) where new > old: raising.append(BudgetWrite(interval: interval, amount: new))
            default: break
            }
        }
        return lowering + raising.reversed()
    }

    /// The budgets after `writes` are made one after another, for checking an order.
    public static func applying(_ writes: [BudgetWrite], to budgets: WorkspaceBudgets) -> [WorkspaceBudgets] {
        var states: [WorkspaceBudgets] = []
        var budgets = budgets
        for write in writes {
            budgets[write.interval] = write.amount
            states.append(budgets)
        }
        return states
    }
}
