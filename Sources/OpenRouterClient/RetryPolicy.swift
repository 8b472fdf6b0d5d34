/// When and how long to wait before repeating a request that may succeed next time.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts in all, the first one included.
    public var maxAttempts: Int
    /// The backoff before the second attempt; doubled for each later one.
    public var baseDelay: Duration
    /// The longest backoff.
    public var maxDelay: Duration
    /// The longest server-requested wait (`Retry-After`, `X-RateLimit-Reset`) honoured; a longer
    /// one ends the retries.
    public var maxServerWait: Duration
    /// The time one attempt may take.
    public var requestTimeout: Duration

    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(10),
        maxServerWait: Duration = .seconds(60), requestTimeout: Duration = .seconds(30)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxServerWait = maxServerWait
        self.requestTimeout = requestTimeout
    }

    /// Full-jitter-style exponential backoff: between half and all of `base × 2^(attempt−1)`,
    /// capped at `maxDelay`. `attempt` is the attempt that just failed, from 1.
    public func backoff(after attempt: Int) -> Duration {
        let exponent = min(max(0, attempt - 1), 20)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        return ceiling * Double.random(in: 0.5...1.0)
    }

    /// The wait before the next attempt: the longer of the backoff and the server's hint.
    public func delay(after attempt: Int, serverHint: Duration?) -> Duration {
        max(backoff(after: attempt), serverHint ?? .zero)
    }
}
