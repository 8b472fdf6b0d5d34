public import OpenRouterAPI
public import OpenRouterClient

/// How an operation reaches OpenRouter: the I/O seam between the engine and the command, which
/// decides between the real API and the embedded simulator from its options and environment.
public protocol APIConnector: Sendable {
    /// Opens a connection with the management key verified. With `prefetchingWorkspaces`, the
    /// account's workspaces are listed at the same time; their failure is ignored (the refresh
    /// lists them again).
    func open(maxConcurrentRequests: Int, prefetchingWorkspaces: Bool) async throws -> APIConnection
}

/// An open connection to OpenRouter (or the simulator), with the management key verified.
public struct APIConnection: Sendable {
    public let client: OpenRouterClient
    /// Where requests go, for people: `https://openrouter.ai/api/v1` or `the embedded simulator (…)`.
    public let target: String
    /// The management key's masked label, so the plan can refuse to adopt it.
    public let managementKeyLabel: String
    /// The account's workspaces, when they were listed along with the management key check.
    public let workspaces: [APIWorkspace]?
    /// Whether the connection goes to keyplane's own simulator rather than to OpenRouter.
    public let isSimulated: Bool
    private let closing: @Sendable () async -> Void

    public init(client: OpenRouterClient, target: String, managementKeyLabel: String, workspaces: [APIWorkspace]?,
                isSimulated: Bool, close: @escaping @Sendable () async -> Void) {
        self.client = client
        self.target = target
        self.managementKeyLabel = managementKeyLabel
        self.workspaces = workspaces
        self.isSimulated = isSimulated
        closing = close
    }

    /// Closes the client (and stops an embedded simulator, which saves its data).
    public func close() async { await closing() }
}
