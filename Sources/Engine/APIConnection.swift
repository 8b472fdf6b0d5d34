public import OpenRouterAPI
public import OpenRouterClient

/// How an operation reaches OpenRouter: the I/O seam between the engine and the command, which
/// decides between the real API and the embedded simulator from its options and environment.
public protocol APIConnector: Sendable {
    /// Opens a connection with the management key verified. With `prefetchingFirstPage`, the first
    /// page of the key listing is asked for at the same time; its failure is ignored.
    func open(maxConcurrentRequests: Int, prefetchingFirstPage: Bool) async throws -> APIConnection
}

/// An open connection to OpenRouter (or the simulator), with the management key verified.
public struct APIConnection: Sendable {
    public let client: OpenRouterClient
    /// Where requests go, for people: `https://openrouter.ai/api/v1` or `the embedded simulator (…)`.
    public let target: String
    /// The management key's masked label, so the plan can refuse to adopt it.
    public let managementKeyLabel: String
    /// The first page of the key listing (disabled keys included), when it was prefetched.
    public let firstPage: [APIKey]?
    /// Whether the connection goes to keyplane's own simulator rather than to OpenRouter.
    public let isSimulated: Bool
    private let closing: @Sendable () async -> Void

    public init(client: OpenRouterClient, target: String, managementKeyLabel: String, firstPage: [APIKey]?,
                isSimulated: Bool, close: @escaping @Sendable () async -> Void) {
        self.client = client
        self.target = target
        self.managementKeyLabel = managementKeyLabel
        self.firstPage = firstPage
        self.isSimulated = isSimulated
        closing = close
    }

    /// Closes the client (and stops an embedded simulator, which saves its data).
    public func close() async { await closing() }
}
