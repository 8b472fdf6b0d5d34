import Foundation
import TestSupport
import Testing

/// A missing or partial state is refused, never planned from as if keyplane managed nothing.
@Suite("a missing state is never an empty state")
struct MissingStateTests {
    @Test("deleting state/ or only its header makes plan refuse, and apply creates nothing")
    func missingStateIsRefused() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        let keys = await workspace.liveKeys().count
        let state = workspace.folder.url.appendingPathComponent("state")

        try FileManager.default.removeItem(at: state.appendingPathComponent("keyplane-state.json"))
        let partial = try await workspace.run(["plan"])
        #expect(partial.exitCode == 1)
        #expect(partial.stderr.contains("the state in state/ is incomplete: its header (state/keyplane-state.json) is missing"),
                "\(partial.stderr)")
        #expect(!partial.stdout.contains("create"))

        try FileManager.default.removeItem(at: state)
        let missing = try await workspace.run(["plan"])
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("but git has one committed at HEAD"), "\(missing.stderr)")
        #expect(missing.stderr.contains("git checkout HEAD -- state/"))
        let apply = try await workspace.run(["apply", "--auto-approve"])
        #expect(apply.exitCode == 1)
        #expect(await workspace.liveKeys().count == keys, "apply created keys without a state")

        // Removed from git too: OpenRouter's keys still carry keyplane's markers.
        let repository = try workspace.repository
        let committed = try repository.listDirectory("state/clients", in: try #require(try repository.head()))
        try repository.commit(paths: ["state/keyplane-state.json"] + committed.map { "state/clients/\($0)" },
                              message: "Remove the state\n", author: KeyplaneWorkspace.author)
        let unmarked = try await workspace.run(["plan"])
        #expect(unmarked.exitCode == 1)
        #expect(unmarked.stderr.contains("but OpenRouter holds \(keys) keys that keyplane created"), "\(unmarked.stderr)")
    }
}
