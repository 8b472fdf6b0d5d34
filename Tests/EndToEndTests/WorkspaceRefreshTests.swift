import Domain
import Foundation
import OpenRouterAPI
import TestSupport
import Testing

/// The refresh reads every workspace of the account, not only the default one, which is all
/// `GET /keys` without `workspace_id` lists.
@Suite("refresh sees the whole account")
struct WorkspaceRefreshTests {
    @Test("a key made by hand in another workspace is listed as unmanaged, with its workspace, in every format")
    func keysInOtherWorkspacesAreSeen() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        let other = try await workspace.harness.state.createWorkspace(CreateWorkspaceRequest(name: "Side project", slug: "side-project"))
        let hidden = try await workspace.harness.state.create(CreateKeyRequest(name: "made by hand", workspaceID: other.id))

        let plan = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(plan.exitCode == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("\"made by hand\"  in workspace side-project"), "\(plan.stdout)")
        let markdown = try await workspace.run(["plan", "--format", "markdown"])
        #expect(markdown.stdout.contains("`made by hand` in workspace `side-project`"), "\(markdown.stdout)")
        let json = try await workspace.run(["plan", "--format", "json"])
        #expect(json.stdout.contains("\"workspace\" : \"side-project\""))
        let status = try await workspace.run(["status"])
        #expect(status.stdout.contains(String(hidden.data.hash.rawValue.prefix(12))) || status.stdout.contains(hidden.data.hash.rawValue),
                "\(status.stdout)")
    }
}
