import Foundation
import TestSupport
import Testing

/// `keyplane show PLAN` renders a saved plan again, exactly as `plan` rendered it.
@Suite("show a saved plan")
struct ShowCommandTests {
    @Test("show renders a saved plan in every format, and says why a file cannot be read")
    func showRendersSavedPlans() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let saved = workspace.outputs.url.appendingPathComponent("saved-plan.json").path
        let plan = try await workspace.run(["plan", "--out", saved])
        #expect(plan.exitCode == 0, "\(plan.stderr)")

        let text = try await workspace.run(["show", saved])
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(text.stdout == plan.stdout)
        let json = try await workspace.run(["show", saved, "--format", "json"])
        #expect(json.stdout == (try String(contentsOfFile: saved, encoding: .utf8)))
        let markdown = try await workspace.run(["show", saved, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("### keyplane plan `"))

        let missing = try await workspace.run(["show", "no-such-plan.json"])
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("cannot read the plan file no-such-plan.json: there is no such file"), "\(missing.stderr)")
    }
}
