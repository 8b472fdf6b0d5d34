/// The `200` body of `GET` and `PUT /workspaces/{id}/budgets/{interval}`: `{"data": budget,
/// "include_byok_in_budgets": bool}`.
public struct WorkspaceBudgetResponse: Hashable, Sendable, Codable {
    public var data: APIWorkspaceBudget
    /// The workspace-wide BYOK setting after the request.
    public var includeBYOKInBudgets: Bool

    public init(data: APIWorkspaceBudget, includeBYOKInBudgets: Bool) {
        self.data = data
        self.includeBYOKInBudgets = includeBYOKInBudgets
    }

    enum CodingKeys: String, CodingKey {
        case data
        case includeBYOKInBudgets = "include_byok_in_budgets"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode(APIWorkspaceBudget.self, forKey: .data)
        includeBYOKInBudgets = try c.decodeIfPresent(Bool.self, forKey: .includeBYOKInBudgets) ?? false
    }
}
