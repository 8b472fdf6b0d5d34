import Foundation
import Domain
public import OpenRouterAPI

// Workspaces and their budgets. The rules are checked here, so that seeding a test through the
// actor obeys them as the routes do; the routes only check the JSON's shape.
extension SimulatorState {
    /// The workspace whose id (in any case) or, failing that, whose slug is `reference`; 404
    /// otherwise.
    public func workspace(_ reference: String) throws(SimulatorError) -> StoredWorkspace {
        if let workspace = workspaces[reference.lowercased()] { return workspace }
        if let workspace = workspaces.values.first(where: { $0.slug == reference }) { return workspace }
        throw .notFound
    }

    /// How many workspaces exist, the default one included.
    public var workspaceCount: Int { workspaces.count }

    /// Every workspace in listing order: the default one first, then oldest first, then by id.
    private var workspacesInOrder: [StoredWorkspace] {
        workspaces.values.sorted {
            if ($0.id == Self.defaultWorkspaceID) != ($1.id == Self.defaultWorkspaceID) { return $0.id == Self.defaultWorkspaceID }
            return $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id
        }
    }

    /// One page of `GET /workspaces`: `limit` (1 to 100) workspaces from `offset`, and the total.
    public func listWorkspaces(offset: Int, limit: Int) -> WorkspaceListResponse {
        let all = workspacesInOrder
        let page = offset < all.count ? all[offset..<min(all.count, offset + limit)] : []
        return WorkspaceListResponse(data: page.map { $0.apiWorkspace() }, totalCount: all.count)
    }

    public func getWorkspace(_ reference: String) throws(SimulatorError) -> APIWorkspace {
        try workspace(reference).apiWorkspace()
    }

    /// Creates a workspace; 400 when the name, slug or description break the document's rules
    /// or the slug is taken.
    public func createWorkspace(_ request: CreateWorkspaceRequest) throws -> APIWorkspace {
        try Self.checkName(request.name)
        try checkSlug(request.slug, for: nil)
        try Self.checkDescription(request.description)
        let workspace = try StoredWorkspace(
            id: UUID().uuidString.lowercased(), name: request.name, slug: request.slug, description: request.description,
            createdAt: now(), createdBy: Self.userID)
        workspaces[workspace.id] = workspace
        try save()
        return workspace.apiWorkspace()
    }

    /// Applies a partial update; the default workspace keeps its slug `default`.
    public func updateWorkspace(_ reference: String, _ update: UpdateWorkspaceRequest) throws -> APIWorkspace {
        var workspace = try workspace(reference)
        if let name = update.name {
            try Self.checkName(name)
            workspace.name = name
        }
        if let slug = update.slug, slug != workspace.slug {
            guard workspace.id != Self.defaultWorkspaceID else {
                throw SimulatorError.badRequest("the default workspace's slug cannot be changed")
            }
            try checkSlug(slug, for: workspace.id)
            workspace.slug = slug
        }
        let description = update.description.applied(to: workspace.description)
        try Self.checkDescription(description)
        workspace.description = description
        workspace.updatedAt = now()
        workspaces[workspace.id] = workspace
        try save()
        return workspace.apiWorkspace()
    }

    /// Deletes a workspace with its budgets. The default workspace cannot be deleted (403, as
    /// OpenRouter answers callers not enabled for it), nor one that still holds keys, disabled
    /// ones included (400).
    public func deleteWorkspace(_ reference: String) throws {
        let workspace = try workspace(reference)
        guard workspace.id != Self.defaultWorkspaceID else { throw SimulatorError.defaultWorkspaceNotDeletable }
        let keyCount = keys.values.count { $0.workspaceID == workspace.id }
        guard keyCount == 0 else {
            throw SimulatorError.badRequest(
                "workspace \(workspace.slug) still has \(keyCount) API key\(keyCount == 1 ? "" : "s"); delete them first")
        }
        workspaces[workspace.id] = nil
        try save()
    }

    /// `GET /workspaces/{id}/budgets`.
    public func budgets(_ reference: String) throws(SimulatorError) -> WorkspaceBudgetList {
        try workspace(reference).budgetList()
    }

    /// `GET /workspaces/{id}/budgets/{interval}`; 404 when that interval has no budget.
    public func budget(_ reference: String, _ interval: WorkspaceBudgetInterval) throws(SimulatorError) -> WorkspaceBudgetResponse {
        let workspace = try workspace(reference)
        guard let budget = workspace.budget(interval) else { throw .notFound }
        return WorkspaceBudgetResponse(data: budget.apiBudget(workspaceID: workspace.id), includeBYOKInBudgets: workspace.includeBYOKInBudgets)
    }

    /// Creates or updates the budget for `interval`, and sets the workspace-wide BYOK setting
    /// when the request gives it. 400 when the limit is not above zero or the budgets would no
    /// longer strictly decrease as the interval narrows; nothing changes then.
    public func upsertBudget(
        _ reference: String, _ interval: WorkspaceBudgetInterval, _ request: UpsertWorkspaceBudgetRequest
    ) throws -> WorkspaceBudgetResponse {
        var workspace = try workspace(reference)
        guard request.limitUSD > .zero else { throw SimulatorError.badRequest("limit_usd must be greater than 0") }
        let now = now()
        var budget = workspace.budget(interval) ?? StoredBudget(
            id: UUID().uuidString.lowercased(), interval: interval, limit: request.limitUSD, createdAt: now)
        budget.limit = request.limitUSD
        budget.updatedAt = now
        var budgets = workspace.budgets.filter { $0.interval != interval }
        budgets.append(budget)
        budgets.sort { $0.interval < $1.interval }
        if let problem = StoredWorkspace.orderingProblem(budgets) { throw SimulatorError.badRequest(problem) }
        workspace.budgets = budgets
        if let include = request.includeBYOKInBudgets { workspace.includeBYOKInBudgets = include }
        workspaces[workspace.id] = workspace
        try save()
        return WorkspaceBudgetResponse(data: budget.apiBudget(workspaceID: workspace.id), includeBYOKInBudgets: workspace.includeBYOKInBudgets)
    }

    /// Removes the budget for `interval`; removing one that does not exist succeeds too, as the
    /// document says.
    public func deleteBudget(_ reference: String, _ interval: WorkspaceBudgetInterval) throws {
        var workspace = try workspace(reference)
        workspace.budgets.removeAll { $0.interval == interval }
        workspaces[workspace.id] = workspace
        try save()
    }

    // MARK: Field rules

    private static func checkName(_ name: String) throws(SimulatorError) {
        guard !name.isEmpty, name.count <= WorkspaceFieldRules.maximumNameLength else {
            throw .badRequest("name must be 1 to \(WorkspaceFieldRules.maximumNameLength) characters")
        }
    }

    private static func checkDescription(_ description: String?) throws(SimulatorError) {
        guard let description, description.count > WorkspaceFieldRules.maximumDescriptionLength else { return }
        throw .badRequest("description must be at most \(WorkspaceFieldRules.maximumDescriptionLength) characters")
    }

    /// A valid slug no other workspace than `owner` uses.
    private func checkSlug(_ slug: String, for owner: String?) throws(SimulatorError) {
        guard WorkspaceFieldRules.isValidSlug(slug) else {
            throw .badRequest("slug must be \(WorkspaceFieldRules.slugRule), not \"\(slug)\"")
        }
        if let other = workspaces.values.first(where: { $0.slug == slug && $0.id != owner }) {
            throw .badRequest("slug \(slug) is already used by workspace \(other.id)")
        }
    }
}
