import Domain
import Foundation
import OpenRouterAPI
import OpenRouterSimulator
import TestSupport
import Testing

/// The simulator's workspaces, budgets and inference, over loopback HTTP.
@Suite struct WorkspaceSimulatorTests {
    /// Wednesday noon UTC: a day later is the same week and month.
    static let wednesday = SimulatorClock(start: APITimestamp(parsing: "2025-08-20T12:00:00Z")!.date)

    static func newWorkspace(_ sim: WorkspaceSimulator, _ slug: String) async throws -> APIWorkspace {
        try await sim.state.createWorkspace(CreateWorkspaceRequest(name: slug.capitalized, slug: slug))
    }

    @Test func budgetsMustStrictlyDecreaseAsTheIntervalNarrows() async throws {
        try await WorkspaceSimulator.with { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            func put(_ interval: String, _ dollars: Double) async throws -> RawHTTP.Reply {
                try await sim.send("PUT", "/workspaces/\(workspace.id)/budgets/\(interval)", json: #"{"limit_usd":\#(dollars)}"#)
            }
            #expect(try await put("monthly", 500).status == 200)
            let weeklyAboveMonthly = try await put("weekly", 600)
            #expect(weeklyAboveMonthly.status == 400)
            #expect(weeklyAboveMonthly.errorMessage?.contains("the weekly budget ($600.00) must be less than the monthly budget ($500.00)") == true)
            #expect(try await put("weekly", 100).status == 200)
            #expect(try await put("daily", 100).status == 400, "equal limits do not strictly decrease")
            #expect(try await put("lifetime", 500).status == 400)
            #expect(try await put("lifetime", 5000).status == 200)
            #expect(try await put("daily", 0).status == 400)
            let list = try await sim.send("GET", "/workspaces/\(workspace.id)/budgets")
            let intervals = (list.object["data"] as? [[String: Any]])?.map { $0["reset_interval"] as? String ?? "null" }
            #expect(intervals == ["weekly", "monthly", "null"])
        }
    }

    @Test func includeBYOKInBudgetsIsOneSettingForEveryInterval() async throws {
        try await WorkspaceSimulator.with { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            let path = "/workspaces/\(workspace.slug)/budgets"
            _ = try await sim.send("PUT", path + "/monthly", json: #"{"limit_usd":500,"include_byok_in_budgets":true}"#)
            let weekly = try await sim.send("PUT", path + "/weekly", json: #"{"limit_usd":100}"#)
            #expect(weekly.object["include_byok_in_budgets"] as? Bool == true)
            let list = try await sim.send("GET", path)
            #expect(list.object["include_byok_in_budgets"] as? Bool == true)
            #expect(try await sim.send("GET", "/workspaces/acme").data["include_byok_in_budgets"] as? Bool == true)
        }
    }

    @Test func aWorkspaceIsFoundByItsIdOrItsSlugAndSlugsAreUnique() async throws {
        try await WorkspaceSimulator.with { sim in
            let created = try await sim.send("POST", "/workspaces", json: #"{"name":"Acme","slug":"acme"}"#)
            #expect(created.status == 201)
            let id = try #require(created.data["id"] as? String)
            #expect(try await sim.send("GET", "/workspaces/acme").data["id"] as? String == id)
            #expect(try await sim.send("GET", "/workspaces/\(id.uppercased())").data["slug"] as? String == "acme")
            #expect(try await sim.send("GET", "/workspaces/nope").status == 404)
            let duplicate = try await sim.send("POST", "/workspaces", json: #"{"name":"Other","slug":"acme"}"#)
            #expect(duplicate.status == 400)
            #expect(duplicate.errorMessage?.contains("slug acme is already used") == true)
            let badSlug = try await sim.send("POST", "/workspaces", json: #"{"name":"Other","slug":"Acme--Two"}"#)
            #expect(badSlug.status == 400)
            let byok = try await sim.send("POST", "/workspaces", json: #"{"name":"B","slug":"b","include_byok_in_budgets":true}"#)
            #expect(byok.status == 400, "the BYOK setting belongs to the budget routes")
        }
    }

    @Test func theDefaultWorkspaceIsListedFirstAndCannotBeDeleted() async throws {
        try await WorkspaceSimulator.with { sim in
            _ = try await Self.newWorkspace(sim, "acme")
            let list = try await sim.send("GET", "/workspaces")
            let data = try #require(list.object["data"] as? [[String: Any]])
            #expect(data.map { $0["slug"] as? String } == ["default", "acme"])
            #expect(data.first?["id"] as? String == SimulatorState.defaultWorkspaceID)
            #expect(list.object["total_count"] as? Int == 2)
            let delete = try await sim.send("DELETE", "/workspaces/default")
            #expect(delete.status == 403)
            #expect(try await sim.send("PATCH", "/workspaces/default", json: #"{"slug":"other"}"#).status == 400)
        }
    }

    @Test func workspacesArePagedByOffsetAndLimitOfAtMostAHundred() async throws {
        try await WorkspaceSimulator.with { sim in
            for index in 0..<120 { _ = try await Self.newWorkspace(sim, "w-\(index)") }
            let first = try await sim.send("GET", "/workspaces?limit=100")
            let second = try await sim.send("GET", "/workspaces?offset=100&limit=100")
            let fallback = try await sim.send("GET", "/workspaces")
            #expect((first.object["data"] as? [Any])?.count == 100)
            #expect((second.object["data"] as? [Any])?.count == 21)
            #expect((fallback.object["data"] as? [Any])?.count == 50)
            #expect(second.object["total_count"] as? Int == 121)
            #expect(try await sim.send("GET", "/workspaces?limit=101").status == 400)
        }
    }

    @Test func deletingAWorkspaceIsRefusedWhileItHoldsKeys() async throws {
        try await WorkspaceSimulator.with { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            let key = try await sim.state.create(CreateKeyRequest(name: "k", workspaceID: workspace.id))
            _ = try await sim.state.update(key.data.hash, UpdateKeyRequest(disabled: true))
            let refused = try await sim.send("DELETE", "/workspaces/acme")
            #expect(refused.status == 400)
            #expect(refused.errorMessage?.contains("still has 1 API key") == true)
            try await sim.state.delete(key.data.hash)
            #expect(try await sim.send("DELETE", "/workspaces/acme").status == 200)
            #expect(try await sim.send("GET", "/workspaces/\(workspace.id)").status == 404)
        }
    }

    @Test func theStandardEditionRefusesBudgetWritesWith403() async throws {
        try await WorkspaceSimulator.with(edition: .standard) { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            let put = try await sim.send("PUT", "/workspaces/\(workspace.id)/budgets/monthly", json: #"{"limit_usd":500}"#)
            let delete = try await sim.send("DELETE", "/workspaces/\(workspace.id)/budgets/monthly")
            let read = try await sim.send("GET", "/workspaces/\(workspace.id)/budgets")
            #expect(put.status == 403)
            #expect(put.errorMessage?.contains("Enterprise") == true)
            #expect(delete.status == 403)
            #expect(read.status == 200)
            #expect((read.object["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func keyRoutesRefuseAnUnknownWorkspaceAndListOneWorkspace() async throws {
        try await WorkspaceSimulator.with { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            let unknown = UUID().uuidString.lowercased()
            #expect(try await sim.send("GET", "/keys?workspace_id=\(unknown)").status == 404)
            #expect(try await sim.send("POST", "/keys", json: #"{"name":"k","workspace_id":"\#(unknown)"}"#).status == 404)
            #expect(try await sim.send("GET", "/keys?workspace_id=acme").status == 400, "the keys document takes a UUID")
            let created = try await sim.send("POST", "/keys", json: #"{"name":"in-acme","workspace_id":"\#(workspace.id)"}"#)
            #expect(created.data["workspace_id"] as? String == workspace.id)
            _ = try await sim.state.create(CreateKeyRequest(name: "in-default"))
            let acme = try await sim.send("GET", "/keys?workspace_id=\(workspace.id)")
            let plain = try await sim.send("GET", "/keys")
            #expect((acme.object["data"] as? [[String: Any]])?.map { $0["name"] as? String } == ["in-acme"])
            #expect((plain.object["data"] as? [[String: Any]])?.map { $0["name"] as? String } == ["in-default"])
        }
    }

    @Test func inferenceIsRefusedOnceTheWorkspaceMonthlyBudgetIsSpent() async throws {
        try await WorkspaceSimulator.with(clock: Self.wednesday) { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            _ = try await sim.state.upsertBudget(workspace.id, .monthly, UpsertWorkspaceBudgetRequest(limitUSD: USD(500)))
            let key = try await sim.state.create(CreateKeyRequest(name: "k", workspaceID: workspace.id))
            _ = try await RawHTTP.send("POST", "\(sim.rootURL)/_simulator/spend", json: #"{"hash":"\#(key.data.hash)","amount":499.99}"#)
            let last = try await sim.complete(key.key.revealed)
            #expect(last.status == 200)
            #expect((last.object["usage"] as? [String: Any])?["cost"] as? Double == 0.01)
            let refused = try await sim.complete(key.key.revealed)
            #expect(refused.status == 403)
            #expect(refused.errorMessage == "Workspace monthly budget of $500.00 exceeded")
            #expect(try await sim.state.get(key.data.hash).usage == USD(500))
            // 1 September: a new month, a new window.
            _ = try await sim.state.advanceClock(by: 12 * 86_400)
            #expect(try await sim.complete(key.key.revealed).status == 200)
        }
    }

    @Test func deletingAKeyDoesNotGiveItsSpendBackToTheBudget() async throws {
        try await WorkspaceSimulator.with(clock: Self.wednesday) { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            _ = try await sim.state.upsertBudget(workspace.id, .daily, UpsertWorkspaceBudgetRequest(limitUSD: USD(1)))
            let spent = try await sim.state.create(CreateKeyRequest(name: "spent", workspaceID: workspace.id))
            _ = try await sim.state.recordSpend(on: spent.data.hash, amount: USD(1), byok: false)
            try await sim.state.delete(spent.data.hash)
            let other = try await sim.state.create(CreateKeyRequest(name: "other", workspaceID: workspace.id))
            let refused = try await sim.complete(other.key.revealed)
            #expect(refused.errorMessage == "Workspace daily budget of $1.00 exceeded")
        }
    }

    @Test func byokSpendCountsAgainstBudgetsOnlyWhenTheWorkspaceIncludesIt() async throws {
        try await WorkspaceSimulator.with(clock: Self.wednesday) { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            _ = try await sim.state.upsertBudget(workspace.id, .daily, UpsertWorkspaceBudgetRequest(limitUSD: USD(1)))
            let key = try await sim.state.create(CreateKeyRequest(name: "k", workspaceID: workspace.id))
            _ = try await sim.state.recordSpend(on: key.data.hash, amount: USD(2), byok: true)
            #expect(try await sim.complete(key.key.revealed).status == 200)
            _ = try await sim.state.upsertBudget(
                workspace.id, .daily, UpsertWorkspaceBudgetRequest(limitUSD: USD(1), includeBYOKInBudgets: true))
            #expect(try await sim.complete(key.key.revealed).errorMessage == "Workspace daily budget of $1.00 exceeded")
        }
    }

    @Test func inferenceAnswers401ForADisabledKeyAnd403OnceTheKeyLimitIsSpent() async throws {
        try await WorkspaceSimulator.with(clock: Self.wednesday) { sim in
            let disabled = try await sim.state.create(CreateKeyRequest(name: "off"))
            _ = try await sim.state.update(disabled.data.hash, UpdateKeyRequest(disabled: true))
            #expect(try await sim.complete(disabled.key.revealed).status == 401)
            #expect(try await sim.complete("sk-or-v1-" + String(repeating: "0", count: 64)).status == 401)
            #expect(try await sim.complete(sim.managementKey.revealed).status == 403)
            let limited = try await sim.state.create(CreateKeyRequest(name: "limited", limit: USD(0.01), limitReset: .daily))
            #expect(try await sim.complete(limited.key.revealed).status == 200)
            let refused = try await sim.complete(limited.key.revealed)
            #expect(refused.status == 403)
            #expect(refused.errorMessage
                == "Key limit exceeded (daily limit). Manage it using https://openrouter.ai/workspaces/default/keys/\(limited.data.hash)")
        }
    }

    @Test func theDataFileKeepsWorkspacesBudgetsAndTheirSpend() async throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("sim.json").path
        let key = try await WorkspaceSimulator.with(clock: Self.wednesday, dataFile: file) { sim in
            let workspace = try await Self.newWorkspace(sim, "acme")
            _ = try await sim.state.upsertBudget(workspace.id, .lifetime, UpsertWorkspaceBudgetRequest(limitUSD: USD(1)))
            let key = try await sim.state.create(CreateKeyRequest(name: "k", workspaceID: workspace.id))
            _ = try await sim.state.recordSpend(on: key.data.hash, amount: USD(1), byok: false)
            return key
        }
        try await WorkspaceSimulator.with(clock: Self.wednesday, dataFile: file) { sim in
            let budgets = try await sim.state.budgets("acme")
            #expect(budgets.budget(.lifetime)?.limitUSD == USD(1))
            #expect(try await sim.complete(key.key.revealed).errorMessage == "Workspace lifetime budget of $1.00 exceeded")
        }
    }

    @Test func aVersion1DataFileReadsWithItsKeysInTheDefaultWorkspace() async throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("sim.json").path
        let hash = String(repeating: "ab", count: 32)
        let version1 = """
            {"clock_offset_seconds":0,"format_version":1,"keys":[{"createdAt":1755691200,"creatorUserID":"u",
            "disabled":false,"hash":"\(hash)","includeBYOKInLimit":false,"label":"sk-or-v1-abc...def","name":"old",
            "spend":[],"workspaceID":"\(SimulatorState.defaultWorkspaceID)"}]}
            """
        try Data(version1.utf8).write(to: URL(fileURLWithPath: file))
        try await WorkspaceSimulator.with(dataFile: file) { sim in
            #expect(try await sim.state.get(KeyHash(hash)).name == "old")
            #expect(await sim.state.workspaceCount == 1)
            _ = try await Self.newWorkspace(sim, "acme")
        }
        let rewritten = try SimulatorSnapshot.load(from: file)
        #expect(rewritten?.formatVersion == 2)
        #expect(rewritten?.workspaces.map(\.slug).sorted() == ["acme", "default"])
    }
}
