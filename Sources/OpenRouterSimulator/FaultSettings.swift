/// The faults the simulator injects into `/api/v1` requests, for tests and demos. Every field has
/// a harmless default, so a JSON body need only name what it turns on. Control routes under
/// `/_simulator` are never faulted.
public struct FaultSettings: Hashable, Sendable, Codable {
    /// Delay added before every request is handled.
    public var latencyMilliseconds: Int = 0
    /// Share (0…1) of requests answered `429` with `Retry-After`.
    public var rateLimitShare: Double = 0
    /// The next N requests are answered `429`.
    public var rateLimitNext: Int = 0
    /// Requests per second above which every route answers `429` (nil: unlimited).
    public var requestsPerSecond: Double?
    /// Per-route limits in requests per second, keyed by route name such as `POST /keys`.
    public var routeRequestsPerSecond: [String: Double] = [:]
    /// The `Retry-After` seconds sent with `429` and `503`.
    public var retryAfterSeconds: Int = 1
    /// Share (0…1) of requests answered `500`.
    public var serverErrorShare: Double = 0
    /// Share (0…1) of requests answered `503`.
    public var unavailableShare: Double = 0
    /// The next N requests are answered `500`.
    public var serverErrorNext: Int = 0
    /// The next N requests are answered `503`.
    public var unavailableNext: Int = 0
    /// Share (0…1) of successful requests whose change is committed and whose connection is then
    /// closed without a response.
    public var dropShare: Double = 0
    /// The next N successful requests are committed, then their connection is closed unanswered.
    public var dropNext: Int = 0
    /// The routes the share and next-N faults apply to, by name (`POST /keys`); nil: every route.
    public var routes: [String]?
    /// Every API request waits, before any other fault, until new settings turn this off (`PUT
    /// /_simulator/faults`, a reset, or `FaultInjector.replace`). A test holds a run at its first
    /// call this way, a point it then knows the run is at, instead of slowing it and hoping.
    public var holdRequests: Bool = false

    public init() {}

    enum CodingKeys: String, CodingKey {
        case latencyMilliseconds = "latency_ms"
        case rateLimitShare = "rate_limit_share"
        case rateLimitNext = "rate_limit_next"
        case requestsPerSecond = "requests_per_second"
        case routeRequestsPerSecond = "route_requests_per_second"
        case retryAfterSeconds = "retry_after_seconds"
        case serverErrorShare = "server_error_share"
        case unavailableShare = "unavailable_share"
        case serverErrorNext = "server_error_next"
        case unavailableNext = "unavailable_next"
        case dropShare = "drop_share"
        case dropNext = "drop_next"
        case routes
        case holdRequests = "hold_requests"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        latencyMilliseconds = try c.decodeIfPresent(Int.self, forKey: .latencyMilliseconds) ?? 0
        rateLimitShare = try c.decodeIfPresent(Double.self, forKey: .rateLimitShare) ?? 0
        rateLimitNext = try c.decodeIfPresent(Int.self, forKey: .rateLimitNext) ?? 0
        requestsPerSecond = try c.decodeIfPresent(Double.self, forKey: .requestsPerSecond)
        routeRequestsPerSecond = try c.decodeIfPresent([String: Double].self, forKey: .routeRequestsPerSecond) ?? [:]
        retryAfterSeconds = try c.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) ?? 1
        serverErrorShare = try c.decodeIfPresent(Double.self, forKey: .serverErrorShare) ?? 0
        unavailableShare = try c.decodeIfPresent(Double.self, forKey: .unavailableShare) ?? 0
        serverErrorNext = try c.decodeIfPresent(Int.self, forKey: .serverErrorNext) ?? 0
        unavailableNext = try c.decodeIfPresent(Int.self, forKey: .unavailableNext) ?? 0
        dropShare = try c.decodeIfPresent(Double.self, forKey: .dropShare) ?? 0
        dropNext = try c.decodeIfPresent(Int.self, forKey: .dropNext) ?? 0
        routes = try c.decodeIfPresent([String].self, forKey: .routes)
        holdRequests = try c.decodeIfPresent(Bool.self, forKey: .holdRequests) ?? false
    }
}
