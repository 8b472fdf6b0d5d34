/// A counting semaphore: at most `limit` requests in flight across one client, whatever the
/// number of concurrent callers. Waiters are served in arrival order.
actor RequestGate {
    private let limit: Int
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if inFlight < limit {
            inFlight += 1
            peak = max(peak, inFlight)
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            // The permit passes straight to the next waiter.
            waiters.removeFirst().resume()
        }
    }

    /// The most requests in flight at once so far, for tests.
    private(set) var peak = 0
}
