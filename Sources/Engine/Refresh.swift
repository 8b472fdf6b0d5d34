public import Domain
public import OpenRouterAPI
public import OpenRouterClient

/// Reads the whole account, the "refreshed" side of a plan: every workspace with its budgets, then
/// every key in each workspace, disabled ones included. `GET /keys` without `workspace_id` lists
/// only the default workspace, so listing by workspace is the only way to see every key.
///
/// Every workspace is listed at once, each with the client's usual pages in flight: the client's
/// one limit on requests in flight holds for all of them together, so a few large workspaces and
/// many small ones both keep the connections busy.
public enum Refresh {
    /// `workspaces`: the workspace listing, when it was fetched already (with the management key
    /// check).
    public static func account(using client: OpenRouterClient, workspaces listed: [APIWorkspace]? = nil) async throws -> LiveAccount {
        let workspaces: [APIWorkspace]
        if let listed { workspaces = listed } else { workspaces = try await client.listWorkspaces() }
        // Keys, then budgets: two groups of one plain result type each. One group whose children
        // returned `(Int, [LiveKey]?, WorkspaceBudgetList?)` crashed release builds in the task
        // group's runtime about one run in three (a null pointer copying a child's result), with
        // nothing unsafe in sight; these two groups ran 13 of 13 applies and 9 plans clean.
        let keys = try await withThrowingTaskGroup(of: (Int, [LiveKey]).self) { group in
            for (index, workspace) in workspaces.enumerated() {
                group.addTask {
                    do {
                        return (index, try await client.listKeys(includeDisabled: true, workspaceID: workspace.id).map { LiveKey($0) })
                    } catch OpenRouterClientError.workspaceNotFound {
                        return (index, [])  // deleted while the account was read: no keys
                    }
                }
            }
            var lists: [Int: [LiveKey]] = [:]
            for try await (index, listed) in group { lists[index] = listed }
            return lists
        }
        let budgets = try await withThrowingTaskGroup(of: (Int, WorkspaceBudgetList).self) { group in
            for (index, workspace) in workspaces.enumerated() {
                group.addTask {
                    do {
                        return (index, try await client.listBudgets(workspace: workspace.id))
                    } catch OpenRouterClientError.workspaceNotFound {
                        return (index, WorkspaceBudgetList(budgets: [], includeBYOKInBudgets: false))
                    }
                }
            }
            var lists: [Int: WorkspaceBudgetList] = [:]
            for try await (index, listed) in group { lists[index] = listed }
            return lists
        }
        var seen = Set<String>()
        var all: [LiveKey] = []
        all.reserveCapacity(keys.values.reduce(0) { $0 + $1.count })
        for index in workspaces.indices {
            for key in keys[index] ?? [] where seen.insert(key.hash).inserted { all.append(key) }
        }
        let live = workspaces.enumerated().map { index, workspace in
            LiveWorkspace(workspace, budgets: budgets[index] ?? WorkspaceBudgetList(budgets: [], includeBYOKInBudgets: false))
        }
        return LiveAccount(workspaces: live, keys: all)
    }
}

extension LiveWorkspace {
    /// The refreshed view of a workspace and its budgets as the API returned them.
    public init(_ workspace: APIWorkspace, budgets: WorkspaceBudgetList) {
        var amounts = WorkspaceBudgets()
        for budget in budgets.budgets {
            amounts[BudgetInterval(budget.resetInterval)] = budget.limitUSD
        }
        self.init(id: workspace.id, values: WorkspaceValues(
            slug: workspace.slug, name: workspace.name, description: workspace.description,
            includeBYOKInBudgets: budgets.includeBYOKInBudgets || workspace.includeBYOKInBudgets, budgets: amounts),
                  createdAt: workspace.createdAt.date)
    }
}

extension BudgetInterval {
    /// The window of an API budget.
    public init(_ interval: WorkspaceBudgetInterval) {
        switch interval {
        case .daily: self = .daily
        case .weekly: self = .weekly
        case .monthly: self = .monthly
        case .lifetime: self = .lifetime
        }
    }
}
