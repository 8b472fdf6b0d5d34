import Foundation
import Git
import TestSupport
import Testing

/// apply commits exactly its own files, the state and STATUS.md, whatever else is staged, and
/// says so when the manifests it planned from are not the committed ones.
@Suite("what apply commits")
struct CommitScopeTests {
    @Test("a staged unrelated file and a staged secrets export stay out of the apply commit, and stay staged")
    func stagedFilesAreNotSweptIn() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        _ = try workspace.folder.write("unrelated notes\n", to: "notes.txt")
        _ = try workspace.folder.write("OPENROUTER_KEY=sk-or-v1-\(String(repeating: "ab", count: 32))\n", to: "exported.env")
        try workspace.repository.stage(["notes.txt", "exported.env"])

        let apply = try await workspace.run(["apply", "--auto-approve"])
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        let repository = try workspace.repository
        let head = try #require(try repository.head())
        #expect(try repository.contents(at: "notes.txt", in: head) == nil)
        #expect(try repository.contents(at: "exported.env", in: head) == nil)
        #expect(try repository.contents(at: "STATUS.md", in: head) != nil)
        #expect(try repository.contents(at: "state/keyplane-state.json", in: head) != nil)
        #expect(try repository.stagedPaths() == ["exported.env", "notes.txt"])
        #expect(try repository.pathsChangedSinceHead(under: "state").isEmpty)
    }

    @Test("a plan from manifests that differ from the last commit is applied with a warning that names them")
    func uncommittedManifestsAreNamed() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        try workspace.editManifest { $0.replacingOccurrences(of: "limit: 20", with: "limit: 10") }
        let apply = try await workspace.run(["apply", "--auto-approve"])
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        #expect(apply.stderr.contains("the manifests differ from the last commit (manifests/acme.yaml)"), "\(apply.stderr)")
        let repository = try workspace.repository
        let head = try #require(try repository.head())
        #expect(try repository.commit(head).message.contains("Note: the manifests differ from the last commit"))
        #expect(try repository.pathsChangedSinceHead(under: "manifests") == ["manifests/acme.yaml"])
    }
}
