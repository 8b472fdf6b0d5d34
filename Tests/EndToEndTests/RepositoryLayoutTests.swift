import Foundation
import Git
import TestSupport
import Testing

/// Where keyplane commits: its own repository made by `init`, or a subfolder of a larger one.
@Suite("repository layout")
struct RepositoryLayoutTests {
    @Test("init inside another repository makes a repository of its own and never commits into the outer one")
    func initNestedMakesItsOwnRepository() async throws {
        let folder = try TemporaryDirectory(prefix: "keyplane-layout")
        try folder.write("# outer\n", to: "README.md")
        let outer = try GitRepository.create(at: folder.url)
        let outerHead = try outer.commit(paths: ["README.md"], message: "Outer", author: KeyplaneWorkspace.author)

        let output = try await KeyplaneProcess.runDetached(["init", "work/keys"], in: folder.url, environment: ["KEYPLANE_AUTHOR_NAME": "Test Operator", "KEYPLANE_AUTHOR_EMAIL": "operator@example.com"])
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(try outer.head() == outerHead)
        let inner = try GitRepository.open(at: folder.url.appendingPathComponent("work/keys"))
        #expect(inner.workingDirectory?.resolvingSymlinksInPath().path == folder.url.appendingPathComponent("work/keys").resolvingSymlinksInPath().path)
        let head = try inner.commit(try #require(try inner.head()))
        #expect(head.subject == "Add keyplane manifests")
        #expect(try inner.contents(at: "manifests/example.yaml", in: head.id) != nil)
    }

    @Test("in a subfolder of a larger repository, apply commits the state and STATUS.md under that subfolder")
    func subfolderCommitsUnderItsPath() async throws {
        let harness = try await SimulatorHarness.start()
        defer { Task { try? await harness.stop() } }
        let folder = try TemporaryDirectory(prefix: "keyplane-layout")
        try folder.write(KeyplaneWorkspace.manifest, to: "infra/keys/manifests/acme.yaml")
        try folder.write(".keyplane/\n", to: "infra/keys/.gitignore")
        let outer = try GitRepository.create(at: folder.url)
        try outer.commit(paths: ["infra/keys/manifests/acme.yaml", "infra/keys/.gitignore"], message: "Add keys", author: KeyplaneWorkspace.author)
        let keys = folder.url.appendingPathComponent("infra/keys")
        let environment = KeyplaneWorkspace.environment(for: harness)

        let initialised = try await KeyplaneProcess.runDetached(["state", "init", "--passphrase", "--scrypt-log-n", "10"], in: keys, environment: environment)
        #expect(initialised.exitCode == 0, "\(initialised.stderr)")
        let apply = try await KeyplaneProcess.runDetached(["apply", "--auto-approve"], in: keys, environment: environment)
        #expect(apply.exitCode == 0, "\(apply.stderr)")

        let head = try #require(try outer.head())
        #expect(try outer.commit(head).subject == "keyplane apply: 4 created")
        #expect(try outer.listDirectory("infra/keys", in: head) == [".gitignore", "STATUS.md", "manifests", "state"])
        #expect(try outer.contents(at: "infra/keys/state/keyplane-state.json", in: head)
                == FileManager.default.contents(atPath: keys.appendingPathComponent("state/keyplane-state.json").path))
        #expect(try outer.listDirectory("", in: head) == ["infra"])

        let plan = try await KeyplaneProcess.runDetached(["plan", "--detailed-exitcode"], in: keys, environment: environment)
        #expect(plan.exitCode == 0, "\(plan.stdout)\(plan.stderr)")
    }
}

/// The embedded simulator, used when no OpenRouter key is configured, as `script/demo` uses it.
@Suite("the embedded simulator")
struct EmbeddedSimulatorTests {
    @Test("with no management key, apply runs against .keyplane/; simulator spend shows up in status; CI refuses the fallback")
    func embeddedRoundTrip() async throws {
        let folder = try TemporaryDirectory(prefix: "keyplane-embedded")
        let environment = ["KEYPLANE_PASSPHRASE": KeyplaneWorkspace.passphrase, "KEYPLANE_AUTHOR_NAME": "Test Operator",
                           "KEYPLANE_AUTHOR_EMAIL": "operator@example.com"]
        func run(_ arguments: [String], extra: [String: String] = [:]) async throws -> KeyplaneProcess.Output {
            try await KeyplaneProcess.runDetached(arguments, in: folder.url, environment: environment.merging(extra) { $1 })
        }
        #expect(try await run(["init"]).exitCode == 0)
        #expect(try await run(["state", "init", "--passphrase", "--scrypt-log-n", "10"]).exitCode == 0)

        let refused = try await run(["apply", "--auto-approve"], extra: ["CI": "true"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("this looks like CI (CI is set)"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".keyplane/simulator.json").path))

        let apply = try await run(["apply", "--auto-approve"])
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        #expect(apply.stderr.contains("runs against the embedded simulator"))
        let spend = try await run(["simulator", "spend", "example/prod", "12.5"])
        #expect(spend.exitCode == 0, "\(spend.stderr)")
        #expect(spend.stdout.contains("Recorded $12.50 of spend on example/prod"))
        let status = try await run(["status"])
        #expect(status.stdout.contains("$12.50"), "\(status.stdout)")
        #expect(status.stdout.contains("$15.00"), "billed at the 1.2 markup")
        let unknown = try await run(["simulator", "spend", "example/nothing", "1"])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("no key for example/nothing"))
        #expect(try await run(["plan", "--detailed-exitcode"]).exitCode == 0, "usage is never a change")
    }
}
