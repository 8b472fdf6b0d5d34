import Foundation
import OpenRouterAPI

/// Decides, request by request, which configured fault applies. Rate windows use real time,
/// because the clients waiting on `Retry-After` wait in real time.
public actor FaultInjector {
    public private(set) var settings: FaultSettings
    private var recentGlobal: [Date] = []
    private var recentByRoute: [APIRoute: [Date]] = [:]
    /// Every `/api/v1` request seen since start (or the last reset), and how many got a `429`.
    public var counts: RequestCounts {
        var counts = countsSoFar
        counts.peakInFlight = inFlight.peak
        return counts
    }
    private var countsSoFar = RequestCounts()
    /// API requests being handled at once, counted by `FaultMiddleware`.
    public nonisolated let inFlight = InFlightGauge()

    public init(settings: FaultSettings = FaultSettings()) { self.settings = settings }

    /// Requests waiting while `holdRequests` is on.
    private var held: [CheckedContinuation<Void, Never>] = []
    /// Callers of `waitUntilHeld(_:)`, with the count each waits for.
    private var heldWatchers: [(count: Int, waiter: CheckedContinuation<Void, Never>)] = []

    /// How many API requests are waiting because `holdRequests` is on.
    public var heldRequests: Int { held.count }

    /// Replaces every setting and forgets the rate windows; held requests go on when the new
    /// settings do not hold them.
    public func replace(with settings: FaultSettings) {
        self.settings = settings
        recentGlobal = []
        recentByRoute = [:]
        if !settings.holdRequests {
            let released = held
            held = []
            for request in released { request.resume() }
        }
    }

    /// Returns at once, or once `holdRequests` is turned off.
    func waitWhileHeld() async {
        guard settings.holdRequests else { return }
        await withCheckedContinuation { request in
            held.append(request)
            let reached = heldWatchers.filter { $0.count <= held.count }
            heldWatchers.removeAll { $0.count <= held.count }
            for watcher in reached { watcher.waiter.resume() }
        }
    }

    /// Returns once at least `count` requests are held: the event a test waits on, instead of
    /// sleeping until they have probably arrived.
    public func waitUntilHeld(_ count: Int) async {
        guard held.count < count else { return }
        await withCheckedContinuation { heldWatchers.append((count, $0)) }
    }

    private func applies(to route: APIRoute) -> Bool {
        settings.routes.map { $0.contains(route.rawValue) } ?? true
    }

    private func chance(_ share: Double) -> Bool { share > 0 && Double.random(in: 0..<1) < share }

    /// The delay to add before handling a request.
    var latency: Duration { .milliseconds(max(0, settings.latencyMilliseconds)) }

    func decide(for route: APIRoute, now: Date = Date()) -> FaultDecision {
        countsSoFar.requests += 1
        let decision = decideFault(for: route, now: now)
        if case .rateLimited = decision { countsSoFar.rateLimited += 1 }
        return decision
    }

    /// Forgets the request counts.
    public func resetCounts() {
        countsSoFar = RequestCounts()
        inFlight.resetPeak()
    }

    private func decideFault(for route: APIRoute, now: Date) -> FaultDecision {
        let retryAfter = max(0, settings.retryAfterSeconds)
        if let decision = rateWindow(route: route, now: now) { return decision }
        let resetMillis = Int64((now.timeIntervalSince1970 + Double(retryAfter)) * 1000)
        if applies(to: route) {
            if settings.rateLimitNext > 0 {
                settings.rateLimitNext -= 1
                return .rateLimited(retryAfterSeconds: retryAfter, limit: 0, resetEpochMilliseconds: resetMillis)
            }
            if chance(settings.rateLimitShare) {
                return .rateLimited(retryAfterSeconds: retryAfter, limit: 0, resetEpochMilliseconds: resetMillis)
            }
            if settings.serverErrorNext > 0 {
                settings.serverErrorNext -= 1
                return .serverError(status: 500, retryAfterSeconds: nil)
            }
            if settings.unavailableNext > 0 {
                settings.unavailableNext -= 1
                return .serverError(status: 503, retryAfterSeconds: retryAfter)
            }
            if chance(settings.serverErrorShare) { return .serverError(status: 500, retryAfterSeconds: nil) }
            if chance(settings.unavailableShare) { return .serverError(status: 503, retryAfterSeconds: retryAfter) }
        }
        return .proceed
    }

    /// Sliding one-second windows, global and per route.
    private func rateWindow(route: APIRoute, now: Date) -> FaultDecision? {
        let cutoff = now.addingTimeInterval(-1)
        recentGlobal.removeAll { $0 <= cutoff }
        var routeWindow = recentByRoute[route, default: []]
        routeWindow.removeAll { $0 <= cutoff }
        defer { recentByRoute[route] = routeWindow }
        for (limit, window) in [(settings.requestsPerSecond, recentGlobal),
                                (settings.routeRequestsPerSecond[route.rawValue], routeWindow)] {
            guard let limit else { continue }
            let allowed = max(1, Int(limit.rounded(.down)))
            if window.count >= allowed {
                let freeAt = window[window.count - allowed].addingTimeInterval(1)
                let wait = max(1, Int(freeAt.timeIntervalSince(now).rounded(.up)))
                return .rateLimited(retryAfterSeconds: wait, limit: allowed,
                                    resetEpochMilliseconds: Int64(freeAt.timeIntervalSince1970 * 1000))
            }
        }
        recentGlobal.append(now)
        routeWindow.append(now)
        return nil
    }

    /// Called after a request succeeded: whether to close its connection without answering.
    func shouldDropResponse(for route: APIRoute) -> Bool {
        guard applies(to: route) else { return false }
        if settings.dropNext > 0 {
            settings.dropNext -= 1
            return true
        }
        return chance(settings.dropShare)
    }
}

/// How many API requests the simulator saw, for tests and benchmarks that must show a run made
/// no call at all, or stayed under the rate limit.
public struct RequestCounts: Codable, Equatable, Sendable {
    public var requests = 0
    public var rateLimited = 0
    /// The most requests handled at once (see `InFlightGauge`).
    public var peakInFlight = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case requests
        case rateLimited = "rate_limited"
        case peakInFlight = "peak_in_flight"
    }
}
