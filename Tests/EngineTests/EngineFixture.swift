import Domain
import Engine
import Foundation
import Git
import Manifest
import OpenRouterClient
import OpenRouterSimulator
import Plan
import PlanFile
import SealedState
import Synchronization
import TestSupport

/// A repository in a temporary folder (git, manifests, a sealed state) and a simulator on
/// 127.0.0.1, for running the engine's operations in this process.
final class EngineFixture: @unchecked Sendable {
    let folder: TemporaryDirectory
    let harness: SimulatorHarness
    let workspace: Workspace
    let git: GitRepository
    static let now = try! ManifestDate.parse("2026-11-22T09:00:00Z")
    static let author = Signature(name: "Engine Test", email: "engine@example.com")

    static func manifest(keys: [String]) -> String {
        """
        clients:
          - { id: acme, name: Acme, billing_email: billing@acme.example }
        keys:
        \(keys.map { "  - { name: \($0), client: acme, limit: 10, reset: monthly }" }.joined(separator: "\n"))
        """
    }

    init(keys: [String], faults: FaultSettings = FaultSettings()) async throws {
        folder = try TemporaryDirectory(prefix: "keyplane-engine")
        harness = try await SimulatorHarness.start(faults: faults)
        try folder.write(Self.manifest(keys: keys), to: "manifests/acme.yaml")
        try folder.write(".keyplane/\n", to: ".gitignore")
        git = try GitRepository.create(at: folder.url)
        _ = try git.commit(paths: ["manifests/acme.yaml", ".gitignore"], message: "Add manifests\n", author: Self.author)
        let passphrase = Passphrase("engine test passphrase")
        let store = StateStore(folder: folder.url.appendingPathComponent("state"), displayName: "state")
        _ = try store.initialize(recipients: [.passphrase(passphrase, .scrypt(logN: 1, r: 1, p: 1))])
        _ = try git.commit(paths: try store.filePaths(relativeTo: folder.url), message: "State\n", author: Self.author)
        workspace = Workspace(root: folder.url, manifestsPath: folder.url.appendingPathComponent("manifests").path,
                              state: store, credentials: Credentials(passphrase: passphrase))
    }

    func stop() async { try? await harness.stop() }

    var connector: SimulatorConnector { SimulatorConnector(harness: harness) }

    func setManifest(keys: [String]) throws {
        try folder.write(Self.manifest(keys: keys), to: "manifests/acme.yaml")
    }

    func plan() async throws -> PlanDocument {
        try await PlanOperation(workspace: workspace, connector: connector, request: planRequest).run(observer: RecordingObserver())
    }

    var planRequest: PlanRequest { PlanRequest(now: Self.now, toolVersion: "test") }

    func apply(saved: PlanDocument? = nil, observer: RecordingObserver = RecordingObserver()) async throws -> ApplyReport {
        try await ApplyOperation(
            workspace: workspace, connector: connector,
            request: ApplyRequest(saved: saved, plan: planRequest, autoApprove: true, parallelism: 1, push: nil,
                                  author: Self.author, holder: "engine test")
        ).run(observer: observer)
    }
}

/// Reaches the test's simulator, as the command's connector reaches the embedded one.
struct SimulatorConnector: APIConnector {
    let harness: SimulatorHarness

    func open(maxConcurrentRequests: Int, prefetchingWorkspaces: Bool) async throws -> APIConnection {
        let configuration = try OpenRouterConfiguration(baseURL: harness.baseURL, managementKey: harness.managementKey)
        let client = OpenRouterClient(configuration: configuration, maxConcurrentRequests: maxConcurrentRequests)
        let current = try await client.verifyManagementKey()
        return APIConnection(client: client, target: "the test simulator", managementKeyLabel: current.label, workspaces: nil,
                             isSimulated: true) { try? await client.shutdown() }
    }
}

/// Records what an operation reported, and approves every plan.
final class RecordingObserver: OperationObserver {
    private let state = Mutex<(notes: [String], events: [ChangeEvent], reports: [ApplyReport])>(([], [], []))

    var notes: [String] { state.withLock { $0.notes } }
    var events: [ChangeEvent] { state.withLock { $0.events } }
    var reports: [ApplyReport] { state.withLock { $0.reports } }

    func diagnostics(_ diagnostics: [Diagnostic]) {}
    func note(_ text: String) { state.withLock { $0.notes.append(text) } }
    func planned(_ document: PlanDocument) {}
    func approve(_ document: PlanDocument) async -> Approval { .approved }
    func changeFinished(_ event: ChangeEvent, done: Int, total: Int) { state.withLock { $0.events.append(event) } }
    func applied(_ report: ApplyReport) { state.withLock { $0.reports.append(report) } }
}
