public import Domain
public import Logging
public import OpenRouterSimulator

/// A simulator serving on 127.0.0.1 on a free port, for tests: its base URL, a management key it
/// accepts, and a clean stop.
public final class SimulatorHarness: Sendable {
    public let running: RunningSimulator
    public let managementKey: KeySecret

    /// `http://127.0.0.1:PORT/api/v1`.
    public var baseURL: String { running.baseURL }
    /// `http://127.0.0.1:PORT`, where `/_simulator` control routes live.
    public var rootURL: String { running.rootURL }
    public var state: SimulatorState { running.simulator.state }
    public var faults: FaultInjector { running.simulator.faults }

    private init(running: RunningSimulator, managementKey: KeySecret) {
        self.running = running
        self.managementKey = managementKey
    }

    /// Starts a simulator with a fresh management key.
    public static func start(
        faults: FaultSettings = FaultSettings(), clock: SimulatorClock = SimulatorClock(), dataFile: String? = nil,
        logger: Logger = Logger(label: "keyplane.simulator.test", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> SimulatorHarness {
        let key = try KeyMaterial.newSecret()
        let running = try await RunningSimulator.start(
            SimulatorConfiguration(
                host: "127.0.0.1", port: 0, managementKeys: [key], dataFile: dataFile, faults: faults, clock: clock,
                logger: logger))
        return SimulatorHarness(running: running, managementKey: key)
    }

    /// Runs `body` against a fresh simulator and stops it afterwards, also when `body` throws.
    public static func with<T: Sendable>(
        faults: FaultSettings = FaultSettings(), clock: SimulatorClock = SimulatorClock(), dataFile: String? = nil,
        _ body: (SimulatorHarness) async throws -> T
    ) async throws -> T {
        let harness = try await start(faults: faults, clock: clock, dataFile: dataFile)
        do {
            let result = try await body(harness)
            try await harness.stop()
            return result
        } catch {
            try? await harness.stop()
            throw error
        }
    }

    /// Stops the server gracefully.
    public func stop() async throws { try await running.stop() }
}
