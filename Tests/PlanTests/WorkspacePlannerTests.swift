import Domain
import Foundation
import Manifest
@testable import Plan
import StateModel
import Testing

/// Workspaces and budgets are planned in an order OpenRouter accepts: a workspace before its
/// budgets, budgets in an order that keeps the strictly-decreasing rule, a workspace's deletion
/// after its keys'.
@Suite("workspace planning")
struct WorkspacePlannerTests {
    static func dollars(_ amount: Int) -> USD { USD(nanos: Int64(amount) * USD.nanosPerDollar) }

    static func client(_ id: String, budgets: [BudgetInterval: Int], enforce: Bool = true) -> Client {
        let values = WorkspaceValues(slug: id, name: id.capitalized, budgets: WorkspaceBudgets(budgets.mapValues(dollars)))
        return Client(id: ClientID(id)!, displayName: id.capitalized, billingEmail: "b@\(id).example",
                      workspace: .own(values, enforceBudgets: enforce),
                      location: SourceLocation(file: "c.yaml", line: 1, column: 1))
    }

    static func entry(_ id: String, budgets: [BudgetInterval: Int]) -> WorkspaceEntry {
        WorkspaceEntry(client: ClientID(id)!, id: "00000000-0000-4000-8000-00000000000\(id.count)",
                       values: WorkspaceValues(slug: id, name: id.capitalized, budgets: WorkspaceBudgets(budgets.mapValues(dollars))))
    }

    static func live(_ entry: WorkspaceEntry) -> LiveWorkspace {
        LiveWorkspace(id: entry.id, values: entry.values, createdAt: Date(timeIntervalSince1970: 1_790_000_000))
    }

    @Test("a new client's workspace is created first, then its budgets widest first, each after the one before")
    func newWorkspace() {
        let result = WorkspacePlanner(clients: [Self.client("acme", budgets: [.daily: 20, .monthly: 500])], prior: [], live: [])
            .plan(keyChanges: [])
        #expect(result.changes.map(\.resource) == [.workspace(ClientID("acme")!), .budget(ClientID("acme")!, .monthly),
                                                   .budget(ClientID("acme")!, .daily)])
        #expect(result.changes.map(\.action) == [.create, .create, .create])
        #expect(result.changes[1].follows == [.workspace(ClientID("acme")!)])
        #expect(result.changes[2].follows == [.budget(ClientID("acme")!, .monthly)])
    }

    @Test("lowering the monthly budget below the weekly one lowers the weekly one first, and raising one widens spend")
    func budgetOrder() {
        let entry = Self.entry("acme", budgets: [.weekly: 200, .monthly: 500])
        let lowered = WorkspacePlanner(clients: [Self.client("acme", budgets: [.weekly: 50, .monthly: 100])],
                                       prior: [entry], live: [Self.live(entry)]).plan(keyChanges: [])
        #expect(lowered.changes.filter { $0.kind == .budget }.map(\.resource)
            == [.budget(ClientID("acme")!, .weekly), .budget(ClientID("acme")!, .monthly)])
        #expect(lowered.changes.allSatisfy { $0.widening.isEmpty })
        let raised = WorkspacePlanner(clients: [Self.client("acme", budgets: [.weekly: 200, .monthly: 900])],
                                      prior: [entry], live: [Self.live(entry)]).plan(keyChanges: [])
        #expect(raised.changes.flatMap(\.widening) == [.budgetRaised(interval: .monthly, from: Self.dollars(500), to: Self.dollars(900))])
    }

    @Test("advisory budgets are never written")
    func advisoryBudgets() {
        let result = WorkspacePlanner(clients: [Self.client("acme", budgets: [.monthly: 500], enforce: false)], prior: [], live: [])
            .plan(keyChanges: [])
        #expect(result.changes.map(\.kind) == [.workspace])
    }

    @Test("a removed client's workspace is deleted after every key in it")
    func deletionFollowsKeys() {
        let entry = Self.entry("acme", budgets: [:])
        let keyDelete = PlanChange(resource: .key(KeyAddress("acme/prod")!), action: .delete, remoteID: "h")
        let result = WorkspacePlanner(clients: [], prior: [entry], live: [Self.live(entry)]).plan(keyChanges: [keyDelete])
        #expect(result.changes.map(\.action) == [.delete])
        #expect(result.changes.first?.follows == [.key(KeyAddress("acme/prod")!)])
        #expect(result.changes.first?.reasons == [.clientRemoved])
    }

    @Test("a budget changed in the dashboard is drift, and the plan puts it back")
    func budgetDrift() {
        let entry = Self.entry("acme", budgets: [.monthly: 500])
        var changed = Self.live(entry)
        changed.values.budgets[.monthly] = Self.dollars(5_000)
        let result = WorkspacePlanner(clients: [Self.client("acme", budgets: [.monthly: 500])], prior: [entry], live: [changed])
            .plan(keyChanges: [])
        #expect(result.drift.map(\.resource) == [.budget(ClientID("acme")!, .monthly)])
        let budget = result.changes.first { $0.kind == .budget }
        #expect(budget?.action == .update)
        #expect(budget?.reasons == [.budgetPutBack(interval: .monthly)])
    }

    @Test("a workspace with the declared slug that keyplane does not manage is refused, not taken over")
    func slugTaken() {
        let other = LiveWorkspace(id: "11111111-1111-4111-8111-111111111111",
                                  values: WorkspaceValues(slug: "acme", name: "Someone else's"),
                                  createdAt: Date(timeIntervalSince1970: 1_790_000_000))
        let result = WorkspacePlanner(clients: [Self.client("acme", budgets: [:])], prior: [], live: [other]).plan(keyChanges: [])
        #expect(result.changes.isEmpty)
        #expect(result.violations.map(\.rule) == [.invalidImport])
    }
}
