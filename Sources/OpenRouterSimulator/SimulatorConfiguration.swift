public import Domain
public import Logging

/// How to run a simulator: where it listens, which management keys it accepts, where it keeps
/// its keys, which faults it injects, where its clock starts, which plan it plays and what
/// inference costs.
public struct SimulatorConfiguration: Sendable {
    /// What one `POST /chat/completions` costs unless configured otherwise: one cent.
    public static let defaultInferenceCost = USD(nanos: 10_000_000)

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
    /// The plan played: `.standard` refuses every budget write with 403.
    public var edition: SimulatorEdition
    /// What one `POST /chat/completions` costs, recorded as spend on the calling key.
    public var inferenceCost: USD

    public init(
        host: String = "127.0.0.1", port: Int = 0, managementKeys: [KeySecret], dataFile: String? = nil,
        faults: FaultSettings = FaultSettings(), clock: SimulatorClock = SimulatorClock(),
        logger: Logger = Logger(label: "keyplane.simulator"), edition: SimulatorEdition = .enterprise,
        inferenceCost: USD = SimulatorConfiguration.defaultInferenceCost
    ) {
        self.host = host
        self.port = port
        self.managementKeys = managementKeys
        self.dataFile = dataFile
        self.faults = faults
        self.clock = clock
        self.logger = logger
        self.edition = edition
        self.inferenceCost = inferenceCost
    }
}
