import Dispatch
import Synchronization

/// Runs independent pieces of work (one per client file) on all cores. Building, rendering,
/// parsing and checking the files is most of the cost of opening and writing a large state, and
/// each client file is independent of the others.
enum ParallelWork {
    /// `body(index)` for every index in `0..<count`, concurrently; the results in index order. If
    /// any piece throws, the error of the lowest index is thrown, so failures are reproducible.
    static func map<Value: Sendable, Failure: Error>(
        count: Int, _ body: @Sendable (Int) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        guard count > 1 else {
            var values: [Value] = []
            for index in 0..<count { values.append(try body(index)) }
            return values
        }
        let slots = Mutex<[Result<Value, Failure>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let outcome: Result<Value, Failure>
            do throws(Failure) { outcome = .success(try body(index)) } catch { outcome = .failure(error) }
            slots.withLock { $0[index] = outcome }
        }
        let outcomes = slots.withLock { $0 }
        var values: [Value] = []
        values.reserveCapacity(count)
        for outcome in outcomes {
            // concurrentPerform runs every iteration before it returns.
            guard let outcome else { preconditionFailure("DispatchQueue.concurrentPerform skipped an iteration") }
            values.append(try outcome.get())
        }
        return values
    }
}
