/// What the fault injector decided for one request before it is handled.
enum FaultDecision: Sendable, Equatable {
    case proceed
    /// `429`, with the seconds to wait and the instant (epoch ms) the window frees up.
    case rateLimited(retryAfterSeconds: Int, limit: Int, resetEpochMilliseconds: Int64)
    /// `500` or `503`.
    case serverError(status: Int, retryAfterSeconds: Int?)
}
