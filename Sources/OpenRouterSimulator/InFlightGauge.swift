import Synchronization

/// How many API requests the simulator is handling at once, and the most so far: how tests show
/// that a client kept to its limit on requests in flight, counted where it matters, at the server.
/// Atomic counters, so that counting costs a request no hop onto an actor.
public final class InFlightGauge: Sendable {
    private let current = Atomic<Int>(0)
    private let highest = Atomic<Int>(0)

    public init() {}

    /// The most requests handled at once since the start or the last `resetPeak()`.
    public var peak: Int { highest.load(ordering: .relaxed) }

    /// A request starts being handled.
    func enter() {
        let now = current.add(1, ordering: .relaxed).newValue
        var seen = highest.load(ordering: .relaxed)
        while now > seen {
            let (exchanged, original) = highest.compareExchange(expected: seen, desired: now, ordering: .relaxed)
            if exchanged { break }
            seen = original
        }
    }

    /// A request was answered (or failed).
    func leave() {
        current.subtract(1, ordering: .relaxed)
    }

    /// Forgets the peak; requests in progress still count.
    public func resetPeak() {
        highest.store(current.load(ordering: .relaxed), ordering: .relaxed)
    }
}
