import Domain
import Foundation
import OpenRouterAPI
import Testing

/// The workspace and budget models read the platform document's examples, and write what they read.
@Suite struct WorkspaceWireModelTests {
    @Test func budgetIntervalsAreOrderedFromTheNarrowest() {
        #expect(WorkspaceBudgetInterval.allCases.sorted() == [.daily, .weekly, .monthly, .lifetime])
        #expect(WorkspaceBudgetInterval.monthly < .lifetime)
    }

    @Test func aLifetimeBudgetIsWrittenWithANullResetInterval() throws {
        let list = try JSONDecoder().decode(WorkspaceBudgetList.self, from: Data("""
            {"data":[{"created_at":"2025-08-24T10:30:00Z","id":"770e8400-e29b-41d4-a716-446655440000","limit_usd":100,
            "reset_interval":null,"updated_at":"2025-08-24T15:45:00Z","workspace_id":"550e8400-e29b-41d4-a716-446655440000"}],
            "include_byok_in_budgets":true}
            """.utf8))
        let budget = try #require(list.budget(.lifetime))
        #expect(budget.limitUSD == USD(100))
        #expect(list.includeBYOKInBudgets)
        let written = try JSONSerialization.jsonObject(with: JSONEncoder().encode(budget)) as? [String: Any]
        #expect(written?["reset_interval"] is NSNull)
        #expect(try JSONDecoder().decode(APIWorkspaceBudget.self, from: JSONEncoder().encode(budget)) == budget)
    }

    @Test func theDocumentsWorkspaceExampleRoundTrips() throws {
        let example = Data("""
            {"created_at":"2025-08-24T10:30:00Z","created_by":"user_abc123","default_guardrail_id":"595d5849-7e86-51fd-a7c0-705c34e4afff",
            "default_image_model":"openai/dall-e-3","default_provider_sort":"price","default_text_model":"openai/gpt-4o",
            "description":"Production environment workspace","id":"550e8400-e29b-41d4-a716-446655440000",
            "include_byok_in_budgets":false,"io_logging_api_key_ids":null,"io_logging_sampling_rate":1,
            "is_data_discount_logging_enabled":true,"is_observability_broadcast_enabled":false,
            "is_observability_io_logging_enabled":false,"name":"Production","slug":"production","updated_at":"2025-08-24T15:45:00Z"}
            """.utf8)
        let workspace = try JSONDecoder().decode(APIWorkspace.self, from: example)
        #expect(workspace.slug == "production")
        #expect(workspace.defaultTextModel == "openai/gpt-4o")
        #expect(try JSONDecoder().decode(APIWorkspace.self, from: JSONEncoder().encode(workspace)) == workspace)
    }

    @Test func anUpdateWritesOnlyWhatChangesAndNullToClear() throws {
        let body = try JSONEncoder().encode(UpdateWorkspaceRequest(slug: "new", description: .clear))
        let written = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        #expect(Set(written?.keys ?? [:].keys) == ["slug", "description"])
        #expect(written?["description"] is NSNull)
    }

    @Test func slugsFollowTheDocumentsPattern() {
        for good in ["a", "acme", "acme-2", "a1-b2-c3"] { #expect(WorkspaceFieldRules.isValidSlug(good), "\(good)") }
        for bad in ["", "-a", "a-", "a--b", "Acme", "a_b", "a b", String(repeating: "a", count: 51)] {
            #expect(!WorkspaceFieldRules.isValidSlug(bad), "\(bad)")
        }
    }
}
