import Domain
import Foundation
import Manifest
import StateModel

/// Plans every client's workspace and its budgets: desired (the manifests) against refreshed (the
/// live workspaces), with drift as prior (the state's workspace records) against refreshed. A
/// plain function over values, like `Planner`, which calls it.
///
/// Order is data: a workspace's budgets follow the workspace and each other in the order
/// `BudgetWrites` gives, so no write breaks OpenRouter's rule; new keys follow their client's
/// workspace; a workspace that goes follows the deletion of every key in it.
struct WorkspacePlanner {
    let clients: [Client]
    let prior: [WorkspaceEntry]
    /// Nil when not refreshed: the state's records stand in for the live workspaces.
    let live: [LiveWorkspace]?

    struct Result {
        var changes: [PlanChange] = []
        var drift: [Drift] = []
        var violations: [GuardViolation] = []
    }

    /// The changes for every workspace and budget. `keyChanges` are the plan's key changes, so
    /// that a workspace's deletion follows its keys'.
    func plan(keyChanges: [PlanChange]) -> Result {
        var result = Result()
        let priorByClient = Dictionary(prior.map { ($0.client, $0) }, uniquingKeysWith: { a, _ in a })
        let liveByID = Dictionary((live ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let managedIDs = Set(prior.map(\.id))
        let declared = Set(clients.map(\.id))

        for client in clients {
            guard case .own(let desired, let enforce) = client.workspace else { continue }
            let address = ResourceAddress.workspace(client.id)
            let wanted = WorkspaceValues(slug: desired.slug, name: desired.name, description: desired.description,
                                         includeBYOKInBudgets: desired.includeBYOKInBudgets)
            let desiredBudgets = enforce ? desired.budgets : nil
            guard let entry = priorByClient[client.id] else {
                if let taken = live?.first(where: { $0.values.slug == desired.slug && !managedIDs.contains($0.id) }) {
                    result.violations.append(GuardViolation(
                        resource: address, rule: .invalidImport,
                        message: "a workspace with the slug '\(desired.slug)' (\(taken.id)) already exists and keyplane does not manage it: adopt it for client '\(client.id)', or give the client another slug"))
                    continue
                }
                result.changes.append(PlanChange(resource: address, action: .create, after: .workspace(wanted),
                                                 reasons: [.workspaceDeclared]))
                if let desiredBudgets { result.changes += budgetChanges(client.id, from: WorkspaceBudgets(), to: desiredBudgets, recorded: nil) }
                continue
            }
            let found = liveByID[entry.id]
            if live != nil, found == nil {
                result.drift.append(Drift(resource: address, remoteID: entry.id, kind: .deletedOutside))
                result.changes.append(PlanChange(resource: address, action: .create, after: .workspace(wanted),
                                                 reasons: [.workspaceDeletedOutside]))
                if let desiredBudgets { result.changes += budgetChanges(client.id, from: WorkspaceBudgets(), to: desiredBudgets, recorded: nil) }
                continue
            }
            let current = found?.values ?? entry.values
            for field in current.differences(from: entry.values) {
                result.drift.append(Drift(resource: address, remoteID: entry.id, kind: .changed(
                    field: field.rawValue, recorded: entry.values.text(of: field), live: current.text(of: field))))
            }
            for (interval, amount) in current.budgets.amounts.sorted(by: { $0.key < $1.key })
            where entry.values.budgets[interval] != amount {
                result.drift.append(Drift(resource: .budget(client.id, interval), remoteID: entry.id, kind: .changed(
                    field: interval.rawValue, recorded: entry.values.budgets[interval]?.description ?? "none",
                    live: amount.description)))
            }
            let before = WorkspaceValues(slug: current.slug, name: current.name, description: current.description,
                                         includeBYOKInBudgets: current.includeBYOKInBudgets)
            let fields = wanted.differences(from: before)
            if fields.isEmpty {
                result.changes.append(PlanChange(resource: address, action: .noop, remoteID: entry.id,
                                                 before: .workspace(before), after: .workspace(wanted)))
            } else {
                var widening: [SpendWidening] = []
                if before.includeBYOKInBudgets && !wanted.includeBYOKInBudgets { widening.append(.byokExcludedFromBudgets) }
                result.changes.append(PlanChange(resource: address, action: .update, remoteID: entry.id,
                                                 before: .workspace(before), after: .workspace(wanted),
                                                 reasons: fields.map { .workspaceChangesInManifests(field: $0) },
                                                 widening: widening))
            }
            if let desiredBudgets {
                result.changes += budgetChanges(client.id, from: current.budgets, to: desiredBudgets, recorded: entry.values.budgets)
            }
        }

        // Workspaces of clients gone from the manifests (or moved to the default workspace) go,
        // once every key in them is deleted.
        for entry in prior.sorted(by: { $0.client < $1.client })
        where !declared.contains(entry.client) || clients.first(where: { $0.id == entry.client })?.workspace == .defaultWorkspace {
            if live != nil, liveByID[entry.id] == nil { continue }
            let keyDeletes = keyChanges.filter { $0.resource.client == entry.client && $0.action == .delete }.map(\.resource)
            result.changes.append(PlanChange(resource: .workspace(entry.client), action: .delete, remoteID: entry.id,
                                             before: .workspace(entry.values), follows: keyDeletes,
                                             reasons: [.clientRemoved]))
        }
        return result
    }

    /// The budget changes from `current` to `desired`, in an order that keeps the rule, each
    /// following the workspace and the write before it.
    func budgetChanges(_ client: ClientID, from current: WorkspaceBudgets, to desired: WorkspaceBudgets,
                       recorded: WorkspaceBudgets?) -> [PlanChange] {
        var changes: [PlanChange] = []
        var previous = ResourceAddress.workspace(client)
        for write in BudgetWrites.ordered(from: current, to: desired) {
            let address = ResourceAddress.budget(client, write.interval)
            let old = current[write.interval]
            let action: PlanAction = old == nil ? .create : (write.amount == nil ? .delete : .update)
            var widening: [SpendWidening] = []
            switch (old, write.amount) {
            case let (old?, new?) where new > old: widening.append(.budgetRaised(interval: write.interval, from: old, to: new))
            case let (old?, nil): widening.append(.budgetRemoved(interval: write.interval, was: old))
            default: break
            }
            let putBack = recorded.map { $0[write.interval] == write.amount && old != write.amount } ?? false
            changes.append(PlanChange(
                resource: address, action: action, before: old.map { .budget($0) }, after: write.amount.map { .budget($0) },
                follows: [previous],
                reasons: [putBack ? .budgetPutBack(interval: write.interval) : .budgetChangesInManifests(interval: write.interval)],
                widening: widening))
            previous = address
        }
        return changes
    }
}
