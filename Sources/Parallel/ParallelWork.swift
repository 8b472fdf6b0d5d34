import Dispatch
import Foundation
import Synchronization

/// Runs independent pieces of work on every core: decoding manifest files, parsing and writing
/// state client files, rendering and writing site pages. Results come back in input order, and a
/// failure is reported the same way whatever the schedule, so output never depends on timing.
///
/// `map` and `both` block the calling thread until the work is done. From async code, call them
/// inside `offPool`, which runs them on a Dispatch thread and suspends the task meanwhile, so no
/// thread of Swift's cooperative pool (one per core) is held waiting.
public enum ParallelWork {
    /// Runs `work` (CPU-bound, synchronous, possibly itself parallel) on a Dispatch thread and
    /// returns its result, suspending the calling task instead of blocking a cooperative thread.
    public static func offPool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    /// `offPool` for work that cannot fail.
    public static func offPool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// `body(index)` for every index in `0..<count`, on up to one thread per core. Workers take
    /// the next `batch` indices as they finish, so pieces of uneven cost still end together. If
    /// pieces throw, the error of the lowest index is thrown, once every worker has stopped.
    public static func map<Value: Sendable, Failure: Error>(
        count: Int, batch: Int = 1, _ body: @Sendable (Int) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        let batch = max(1, batch)
        let batches = (count + batch - 1) / batch
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, batches)
        guard workers > 1 else {
            var values: [Value] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(try body(index)) }
            return values
        }
        let next = Atomic<Int>(0)
        let slots = Mutex<[Result<[Value], Failure>?]>(Array(repeating: nil, count: batches))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let taken = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard taken < batches else { return }
                let range = (taken * batch)..<min(count, (taken + 1) * batch)
                var part: [Value] = []
                part.reserveCapacity(range.count)
                let outcome: Result<[Value], Failure>
                do throws(Failure) {
                    for index in range { part.append(try body(index)) }
                    outcome = .success(part)
                } catch {
                    outcome = .failure(error)
                }
                slots.withLock { $0[taken] = outcome }
            }
        }
        let outcomes = slots.withLock { $0 }
        var values: [Value] = []
        values.reserveCapacity(count)
        for outcome in outcomes {
            // concurrentPerform returns only after every worker did; workers leave no batch untaken.
            guard let outcome else { preconditionFailure("a batch of ParallelWork.map was never run") }
            values += try outcome.get()
        }
        return values
    }

    /// Runs `first` on this thread and `second` on another one, and returns both results once both
    /// are done: two unrelated pieces of work that would otherwise wait for each other.
    public static func both<First, Second: Sendable, Failure: Error>(
        _ first: () throws(Failure) -> First, _ second: @escaping @Sendable () throws(Failure) -> Second
    ) throws(Failure) -> (First, Second) {
        let other = Mutex<Result<Second, Failure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let result = Result { () throws(Failure) in try second() }
            other.withLock { $0 = result }
            done.signal()
        }
        let mine = Result { () throws(Failure) in try first() }
        done.wait()
        let theirs = other.withLock { $0 }!
        return (try mine.get(), try theirs.get())
    }

    /// `transform` applied to every element of `items`, as `map(count:batch:_:)` does it.
    public static func map<Item: Sendable, Value: Sendable, Failure: Error>(
        _ items: [Item], batch: Int = 1, _ transform: @Sendable (Item) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        try map(count: items.count, batch: batch) { index throws(Failure) in try transform(items[index]) }
    }
}
