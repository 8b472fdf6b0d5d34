/// The `200` body of `GET /workspaces/{id}/budgets`: `{"data": [budget, …],
/// "include_byok_in_budgets": bool}`, at most one budget per interval.
public struct WorkspaceBudgetList: Hashable, Sendable, Codable {
    /// Written as `data`.
    public var budgets: [APIWorkspaceBudget]
    /// The workspace-wide BYOK setting, the same for every budget.
    public var includeBYOKInBudgets: Bool

    public init(budgets: [APIWorkspaceBudget], includeBYOKInBudgets: Bool) {
        self.budgets = budgets
        self.includeBYOKInBudgets = includeBYOKInBudgets
    }

    /// The budget for `interval`, if there is one.
    public func budget(_ interval: WorkspaceBudgetInterval) -> APIWorkspaceBudget? {
        budgets.first { $0.resetInterval == interval }
    }

    enum CodingKeys: String, CodingKey {
        case budgets = "data"
        case includeBYOKInBudgets = "include_byok_in_budgets"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        budgets = try c.decode([APIWorkspaceBudget].self, forKey: .budgets)
        includeBYOKInBudgets = try c.decodeIfPresent(Bool.self, forKey: .includeBYOKInBudgets) ?? false
    }
}
