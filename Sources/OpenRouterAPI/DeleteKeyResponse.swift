/// The `200` body of every delete: `DELETE /keys/{hash}`, `/workspaces/{id}` and
/// `/workspaces/{id}/budgets/{interval}`: `{"deleted": true}`.
public struct DeleteKeyResponse: Hashable, Sendable, Codable {
    public var deleted: Bool

    public init(deleted: Bool = true) { self.deleted = deleted }
}
