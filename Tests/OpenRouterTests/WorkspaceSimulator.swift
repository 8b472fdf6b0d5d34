import Domain
import Logging
import OpenRouterSimulator

/// A simulator for the workspace tests, which need settings `SimulatorHarness` does not take: the
/// edition, and what inference costs.
struct WorkspaceSimulator: Sendable {
    let running: RunningSimulator
    let managementKey: KeySecret

    var baseURL: String { running.baseURL }
    var rootURL: String { running.rootURL }
    var state: SimulatorState { running.simulator.state }
    var faults: FaultInjector { running.simulator.faults }

    /// Runs `body` against a fresh simulator on 127.0.0.1 and stops it afterwards.
    static func with<T: Sendable>(
        edition: SimulatorEdition = .enterprise, clock: SimulatorClock = SimulatorClock(), dataFile: String? = nil,
        faults: FaultSettings = FaultSettings(), _ body: (WorkspaceSimulator) async throws -> T
    ) async throws -> T {
        let key = try KeyMaterial.newSecret()
        let running = try await RunningSimulator.start(
            SimulatorConfiguration(
                managementKeys: [key], dataFile: dataFile, faults: faults, clock: clock,
                logger: Logger(label: "keyplane.simulator.test", factory: { _ in SwiftLogNoOpLogHandler() }), edition: edition))
        let simulator = WorkspaceSimulator(running: running, managementKey: key)
        do {
            let result = try await body(simulator)
            try await running.stop()
            return result
        } catch {
            try? await running.stop()
            throw error
        }
    }

    /// An API request with the management key.
    func send(_ method: String, _ path: String, json: String? = nil) async throws -> RawHTTP.Reply {
        try await RawHTTP.send(method, baseURL + path, bearer: managementKey.revealed, json: json)
    }

    /// `POST /chat/completions` with `secret`.
    func complete(_ secret: String) async throws -> RawHTTP.Reply {
        try await RawHTTP.send(
            "POST", baseURL + "/chat/completions", bearer: secret,
            json: #"{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}"#)
    }
}

extension RawHTTP.Reply {
    /// `error.message` of an error envelope.
    var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
    /// `data` when it is an object.
    var data: [String: Any] { object["data"] as? [String: Any] ?? [:] }
}
