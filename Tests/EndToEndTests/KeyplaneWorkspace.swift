import Domain
import Foundation
import Git
import OpenRouterAPI
import OpenRouterSimulator
import TestSupport

/// A scratch git repository with manifests and an initialised sealed state, wired to a simulator
/// running in this test process on 127.0.0.1; `keyplane` runs as a child process against it.
final class KeyplaneWorkspace: @unchecked Sendable {
    // Runs are awaited one at a time by each test, so `transcript` is never written concurrently.
    let folder: TemporaryDirectory
    let harness: SimulatorHarness
    let environment: [String: String]
    /// Every stdout and stderr this workspace's runs printed, for leak scans.
    private(set) var transcript = ""

    static let passphrase = "correct horse battery staple"

    static let manifest = """
        clients:
          - id: acme
            name: Acme
            billing_email: billing@acme.example
            monthly_cap: 1000
        keys:
          - name: prod
            client: acme
            limit: 100
            reset: monthly
            protect: true
            labels: { environment: production }
          - name: staging
            client: acme
            limit: 5
            reset: daily
            labels: { environment: staging }
          - name: batch
            client: acme
            limit: 20
            expires: 90d
        users:
          - id: ada
            email: ada@acme.example
            client: acme
            key: { limit: 3, reset: daily }
        """

    /// Where background runs write their output: outside the repository.
    let outputs: TemporaryDirectory

    init(manifest: String = KeyplaneWorkspace.manifest, faults: FaultSettings = FaultSettings()) async throws {
        folder = try TemporaryDirectory(prefix: "keyplane-e2e")
        outputs = try TemporaryDirectory(prefix: "keyplane-e2e-output")
        harness = try await SimulatorHarness.start(faults: faults)
        environment = Self.environment(for: harness)
        try folder.write(manifest, to: "manifests/acme.yaml")
        try folder.write(".keyplane/\n", to: ".gitignore")
        let repository = try GitRepository.create(at: folder.url)
        try repository.commit(paths: ["manifests/acme.yaml", ".gitignore"], message: "Add manifests", author: Self.author)
        let initialised = try await run(["state", "init", "--passphrase", "--scrypt-log-n", "10"])
        guard initialised.exitCode == 0 else { throw WorkspaceError(message: "state init failed: \(initialised.stderr)") }
        try repository.commit(paths: ["state/keyplane-state.json"], message: "Create the state", author: Self.author)
    }

    /// What `keyplane` needs to reach `harness` and open the state.
    static func environment(for harness: SimulatorHarness) -> [String: String] {
        [
            "OPENROUTER_BASE_URL": harness.baseURL,
            "OPENROUTER_MANAGEMENT_KEY": harness.managementKey.revealed,
            "KEYPLANE_PASSPHRASE": Self.passphrase,
            "KEYPLANE_AUTHOR_NAME": "Test Operator",
            "KEYPLANE_AUTHOR_EMAIL": "operator@example.com",
        ]
    }

    static let author = Signature(name: "Test Operator", email: "operator@example.com")

    struct WorkspaceError: Error { let message: String }

    /// Runs `keyplane arguments…` in the workspace.
    @discardableResult
    func run(_ arguments: [String], extraEnvironment: [String: String] = [:]) async throws -> KeyplaneProcess.Output {
        let output = try await KeyplaneProcess.runDetached(
            arguments, in: folder.url, environment: environment.merging(extraEnvironment) { $1 })
        transcript += output.combined
        return output
    }

    /// Starts `keyplane arguments…` in the workspace and returns at once; `finish` waits for it.
    func start(_ arguments: [String], environment override: [String: String]? = nil) throws -> KeyplaneProcess.Running {
        try KeyplaneProcess.start(arguments, in: folder.url, environment: override ?? environment, outputFolder: outputs.url)
    }

    /// Waits for a run from `start` and keeps its output in the transcript.
    @discardableResult
    func finish(_ running: KeyplaneProcess.Running) async -> KeyplaneProcess.Output {
        let output = await running.wait()
        transcript += output.combined
        return output
    }

    func writeManifest(_ text: String) throws { try folder.write(text, to: "manifests/acme.yaml") }

    func editManifest(_ edit: (String) -> String) throws { try writeManifest(edit(try folder.read("manifests/acme.yaml"))) }

    var repository: GitRepository { get throws { try GitRepository.open(at: folder.url) } }

    /// Every key in the simulator, disabled ones included.
    func liveKeys() async -> [APIKey] {
        var keys: [APIKey] = []
        var offset = 0
        while true {
            let page = await harness.state.list(includeDisabled: true, offset: offset, workspaceID: nil)
            keys += page
            if page.count < 100 { return keys }
            offset += page.count
        }
    }

    func stop() async { try? await harness.stop() }
}
