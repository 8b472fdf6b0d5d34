public import Foundation

/// A workspace as OpenRouter reported it at the last refresh: the refreshed side of a plan for
/// workspaces and their budgets.
public struct LiveWorkspace: Hashable, Sendable {
    /// OpenRouter's id (a UUID).
    public var id: String
    public var values: WorkspaceValues
    public var createdAt: Date

    public init(id: String, values: WorkspaceValues, createdAt: Date) {
        self.id = id
        self.values = values
        self.createdAt = createdAt
    }
}

/// Everything a refresh found in the account: every workspace, and every key in each of them.
public struct LiveAccount: Sendable {
    public var workspaces: [LiveWorkspace]
    /// Every key in every workspace, disabled ones included, each with its workspace.
    public var keys: [LiveKey]

    public init(workspaces: [LiveWorkspace], keys: [LiveKey]) {
        self.workspaces = workspaces
        self.keys = keys
    }

    /// The workspace with `id`, if the refresh saw it.
    public func workspace(id: String?) -> LiveWorkspace? {
        guard let id else { return nil }
        return workspaces.first { $0.id == id }
    }
}
