import Domain
import Foundation
import Logging
import OpenRouterAPI
import OpenRouterClient
import OpenRouterSimulator
import TestSupport
import Testing

/// The client's workspace and budget methods against the simulator over loopback HTTP.
@Suite struct WorkspaceClientTests {
    static func withClient<T: Sendable>(
        edition: SimulatorEdition = .enterprise, faults: FaultSettings = FaultSettings(), maxConcurrentRequests: Int = 8,
        _ body: (OpenRouterClient, WorkspaceSimulator) async throws -> T
    ) async throws -> T {
        try await WorkspaceSimulator.with(edition: edition, faults: faults) { sim in
            let client = OpenRouterClient(
                configuration: try OpenRouterConfiguration(baseURL: sim.baseURL, managementKey: sim.managementKey),
                maxConcurrentRequests: maxConcurrentRequests, retryPolicy: ClientTests.fastRetries,
                logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            do {
                let result = try await body(client, sim)
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    @Test func aWorkspaceIsCreatedReadUpdatedAndDeleted() async throws {
        try await Self.withClient { client, _ in
            let created = try await client.createWorkspace(CreateWorkspaceRequest(name: "Acme", slug: "acme", description: "client"))
            #expect(created.slug == "acme")
            #expect(created.description == "client")
            #expect(try await client.getWorkspace("acme") == created)
            let updated = try await client.updateWorkspace(created.id, UpdateWorkspaceRequest(name: "Acme Ltd", description: .clear))
            #expect(updated.name == "Acme Ltd")
            #expect(updated.description == nil)
            #expect(updated.updatedAt != nil)
            try await client.deleteWorkspace(created.id)
            let missing = await #expect(throws: OpenRouterClientError.self) { try await client.getWorkspace("acme") }
            #expect(missing == .workspaceNotFound("acme"))
        }
    }

    @Test func listWorkspacesFetchesEveryPage() async throws {
        try await Self.withClient { client, sim in
            for index in 0..<250 {
                _ = try await sim.state.createWorkspace(CreateWorkspaceRequest(name: "W\(index)", slug: "w-\(index)"))
            }
            let workspaces = try await client.listWorkspaces()
            #expect(workspaces.count == 251)
            #expect(workspaces.first?.id == SimulatorState.defaultWorkspaceID)
            #expect(Set(workspaces.map(\.slug)).count == 251)
        }
    }

    @Test func aCreateWhoseAnswerWasLostIsFoundByItsSlug() async throws {
        let faults = ClientTests.faults { $0.dropNext = 1; $0.routes = ["POST /workspaces"] }
        try await Self.withClient(faults: faults) { client, sim in
            let workspace = try await client.createWorkspace(CreateWorkspaceRequest(name: "Acme", slug: "acme"))
            #expect(workspace.slug == "acme")
            #expect(await sim.state.workspaceCount == 2)
        }
    }

    @Test func aCreateAnswered500IsLookedUpThenSentAgain() async throws {
        let faults = ClientTests.faults { $0.serverErrorNext = 1; $0.routes = ["POST /workspaces"] }
        try await Self.withClient(faults: faults) { client, sim in
            let workspace = try await client.createWorkspace(CreateWorkspaceRequest(name: "Acme", slug: "acme"))
            #expect(workspace.slug == "acme")
            #expect(await sim.state.workspaceCount == 2)
            // The failed POST, the lookup that found nothing, and the second POST.
            #expect(await sim.faults.counts.requests == 3)
        }
    }

    @Test func budgetsAreSetListedAndDeleted() async throws {
        try await Self.withClient { client, _ in
            let workspace = try await client.createWorkspace(CreateWorkspaceRequest(name: "Acme", slug: "acme"))
            let monthly = try await client.upsertBudget(
                workspace: workspace.id, interval: .monthly, UpsertWorkspaceBudgetRequest(limitUSD: USD(500), includeBYOKInBudgets: true))
            #expect(monthly.limitUSD == USD(500))
            #expect(monthly.resetInterval == .monthly)
            _ = try await client.upsertBudget(workspace: "acme", interval: .lifetime, UpsertWorkspaceBudgetRequest(limitUSD: USD(5000)))
            let list = try await client.listBudgets(workspace: workspace.id)
            #expect(list.budgets.map(\.resetInterval) == [.monthly, .lifetime])
            #expect(list.includeBYOKInBudgets)
            try await client.deleteBudget(workspace: workspace.id, interval: .monthly)
            try await client.deleteBudget(workspace: workspace.id, interval: .monthly)
            #expect(try await client.listBudgets(workspace: workspace.id).budgets.map(\.resetInterval) == [.lifetime])
        }
    }

    @Test func aBudgetThatBreaksTheOrderIsABadRequest() async throws {
        try await Self.withClient { client, _ in
            let workspace = try await client.createWorkspace(CreateWorkspaceRequest(name: "Acme", slug: "acme"))
            _ = try await client.upsertBudget(workspace: workspace.id, interval: .monthly, UpsertWorkspaceBudgetRequest(limitUSD: USD(100)))
            let error = await #expect(throws: OpenRouterClientError.self) {
                _ = try await client.upsertBudget(workspace: workspace.id, interval: .daily, UpsertWorkspaceBudgetRequest(limitUSD: USD(200)))
            }
            guard case .badRequest(let route, let message)? = error else { Issue.record("not a bad request: \(String(describing: error))"); return }
            #expect(route == .upsertWorkspaceBudget)
            #expect(message.contains("strictly decrease"))
        }
    }

    @Test func a403OnABudgetWriteMeansBudgetsAreNotAvailableAndIsNotRetried() async throws {
        try await Self.withClient(edition: .standard) { client, sim in
            let workspace = try await client.createWorkspace(CreateWorkspaceRequest(name: "Acme", slug: "acme"))
            await sim.faults.resetCounts()
            let upsert = await #expect(throws: OpenRouterClientError.self) {
                _ = try await client.upsertBudget(workspace: workspace.id, interval: .monthly, UpsertWorkspaceBudgetRequest(limitUSD: USD(1)))
            }
            let delete = await #expect(throws: OpenRouterClientError.self) {
                try await client.deleteBudget(workspace: workspace.id, interval: .monthly)
            }
            guard case .budgetsNotAvailable(let message)? = upsert else { Issue.record("got \(String(describing: upsert))"); return }
            #expect(message.contains("Enterprise"))
            guard case .budgetsNotAvailable? = delete else { Issue.record("got \(String(describing: delete))"); return }
            #expect(await sim.faults.counts.requests == 2)
        }
    }

    @Test func keysAreCreatedInAndListedFromOneWorkspace() async throws {
        try await Self.withClient { client, sim in
            let workspace = try await client.createWorkspace(CreateWorkspaceRequest(name: "Acme", slug: "acme"))
            let marker = CreationMarker.random()
            let outcome = try await client.createKey(
                CreateKeyRequest(name: "acme/api [\(marker)]", workspaceID: workspace.id), marker: marker)
            guard case .created(let created) = outcome else { Issue.record("not created"); return }
            #expect(created.data.workspaceID == workspace.id)
            _ = try await sim.state.create(CreateKeyRequest(name: "elsewhere"))
            #expect(try await client.listKeys(workspaceID: workspace.id).map(\.hash) == [created.data.hash])
            #expect(try await client.listKeys().map(\.name) == ["elsewhere"])
            #expect(try await client.findKeys(marker: marker, workspaceID: workspace.id).map(\.hash) == [created.data.hash])
        }
    }

    @Test func listingKeysOfAnUnknownWorkspaceIsAnError() async throws {
        try await Self.withClient { client, _ in
            let unknown = UUID().uuidString.lowercased()
            let error = await #expect(throws: OpenRouterClientError.self) { _ = try await client.listKeys(workspaceID: unknown) }
            #expect(error == .workspaceNotFound(unknown))
        }
    }

    /// 10,000 keys over 100 workspaces: every key once, and never more requests in flight than
    /// the client's one limit.
    @Test func keysOfEveryWorkspaceAreListedUnderTheOneInFlightLimit() async throws {
        try await Self.withClient(maxConcurrentRequests: 6) { client, sim in
            var expected = Set<KeyHash>()
            for index in 0..<99 {
                let workspace = try await sim.state.createWorkspace(CreateWorkspaceRequest(name: "W\(index)", slug: "w-\(index)"))
                for key in 0..<101 {
                    expected.insert(try await sim.state.create(CreateKeyRequest(name: "k\(key)", workspaceID: workspace.id)).data.hash)
                }
            }
            for key in 0..<1 { expected.insert(try await sim.state.create(CreateKeyRequest(name: "default-\(key)")).data.hash) }
            #expect(expected.count == 10_000)
            await sim.faults.resetCounts()
            let keys = try await client.listKeysInEveryWorkspace()
            #expect(keys.count == 10_000)
            #expect(Set(keys.map(\.hash)) == expected)
            let counts = await sim.faults.counts
            #expect(counts.peakInFlight <= 6)
            // Two pages of workspaces, then two pages for each of 99 workspaces and one for the default.
            #expect(counts.requests == 2 + 99 * 2 + 1)
        }
    }
}
