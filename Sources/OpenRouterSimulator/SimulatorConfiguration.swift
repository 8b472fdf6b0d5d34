public import Domain
public import Logging

/// How to run a simulator: where it listens, which management keys it accepts, where it keeps
/// its keys, which faults it injects and where its clock starts.
public struct SimulatorConfiguration: Sendable {
    /// The address to bind; loopback by default.
    public var host: String
    /// The port; 0 asks the system for a free one.
    public var port: Int
    /// The secrets accepted as management keys.
    public var managementKeys: [KeySecret]
    /// A JSON file that keeps keys across restarts; nil keeps them in memory.
    public var dataFile: String?
    /// Faults injected from the start; the control endpoint can change them later.
    public var faults: FaultSettings
    /// Where simulated time starts.
    public var clock: SimulatorClock
    /// The server's logger. Request lines go at `.debug`; secrets never appear.
    public var logger: Logger

    public init(
        host: String = "127.0.0.1", port: Int = 0, managementKeys: [KeySecret], dataFile: String? = nil,
        faults: FaultSettings = FaultSettings(), clock: SimulatorClock = SimulatorClock(),
        logger: Logger = Logger(label: "keyplane.simulator")
    ) {
        self.host = host
        self.port = port
        self.managementKeys = managementKeys
        self.dataFile = dataFile
        self.faults = faults
        self.clock = clock
        self.logger = logger
    }
}
