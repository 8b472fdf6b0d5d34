import Foundation
import TestSupport
import Testing

/// Commands find the repository's root by walking up, as git does, and never make a second state
/// in a folder that is not a keyplane repository.
@Suite("finding the repository root")
struct RootDiscoveryTests {
    @Test("plan and validate from a subfolder of the manifests act on the repository")
    func subfolderActsOnTheRoot() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let subfolder = workspace.folder.url.appendingPathComponent("manifests/clients")
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)

        let validate = try await KeyplaneProcess.runDetached(["validate"], in: subfolder, environment: workspace.environment)
        #expect(validate.exitCode == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("../../manifests: 1 file"), "\(validate.stdout)")
        let plan = try await KeyplaneProcess.runDetached(
            ["plan", "--detailed-exitcode"], in: subfolder, environment: workspace.environment)
        #expect(plan.exitCode == 2, "\(plan.stderr)")
        #expect(plan.stdout.contains("+ acme/prod  create"), "\(plan.stdout)")
        #expect(!FileManager.default.fileExists(atPath: subfolder.appendingPathComponent("state").path))
        #expect(!FileManager.default.fileExists(atPath: subfolder.appendingPathComponent(".keyplane").path))
    }

    @Test("-C runs a command as if started in another folder")
    func dashCChangesFolder() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let elsewhere = try TemporaryDirectory(prefix: "keyplane-elsewhere")
        let plan = try await KeyplaneProcess.runDetached(
            ["-C", workspace.folder.path, "plan", "--detailed-exitcode"], in: elsewhere.url, environment: workspace.environment)
        #expect(plan.exitCode == 2, "\(plan.stderr)")
        #expect(plan.stdout.contains("+ acme/prod  create"))
        let missing = try await KeyplaneProcess.runDetached(
            ["-C", elsewhere.url.appendingPathComponent("nope").path, "plan"], in: elsewhere.url, environment: workspace.environment)
        #expect(missing.exitCode != 0)
        #expect(missing.stderr.contains("no such folder"), "\(missing.stderr)")
    }

    @Test("state init in a folder without manifests is refused and creates nothing")
    func stateInitNeedsManifests() async throws {
        let empty = try TemporaryDirectory(prefix: "keyplane-not-a-repo")
        _ = try empty.write("", to: ".git/HEAD")  // the top of a working tree: the walk stops here
        let run = try await KeyplaneProcess.runDetached(
            ["state", "init", "--passphrase"], in: empty.url, environment: ["KEYPLANE_PASSPHRASE": "a passphrase"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("this is not a keyplane repository"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: empty.url.appendingPathComponent("state").path))
    }
}
