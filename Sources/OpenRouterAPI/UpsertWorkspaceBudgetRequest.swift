public import Domain

/// The body of `PUT /workspaces/{id}/budgets/{interval}`: the budget's limit, and optionally the
/// workspace-wide BYOK setting (it applies to every interval, not only this one; absent leaves it
/// as it is).
public struct UpsertWorkspaceBudgetRequest: Hashable, Sendable, Codable {
    /// More than zero.
    public var limitUSD: USD
    public var includeBYOKInBudgets: Bool?

    public init(limitUSD: USD, includeBYOKInBudgets: Bool? = nil) {
        self.limitUSD = limitUSD
        self.includeBYOKInBudgets = includeBYOKInBudgets
    }

    enum CodingKeys: String, CodingKey {
        case limitUSD = "limit_usd"
        case includeBYOKInBudgets = "include_byok_in_budgets"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        limitUSD = try c.decodeUSD(.limitUSD)
        includeBYOKInBudgets = try c.decodeIfPresent(Bool.self, forKey: .includeBYOKInBudgets)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUSD(limitUSD, .limitUSD)
        try c.encodeIfPresent(includeBYOKInBudgets, forKey: .includeBYOKInBudgets)
    }
}
