public import Domain

/// What the state knows about one client's OpenRouter workspace: its id, and its settings as
/// keyplane last set or saw them. Budgets are recorded only where keyplane manages them
/// (`enforce_budgets`).
public struct WorkspaceEntry: Equatable, Sendable {
    public var client: ClientID
    /// OpenRouter's id of the workspace (a UUID).
    public var id: String
    public var values: WorkspaceValues

    public init(client: ClientID, id: String, values: WorkspaceValues) {
        self.client = client
        self.id = id
        self.values = values
    }
}
