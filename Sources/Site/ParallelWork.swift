import Dispatch
import Foundation

/// Runs independent pieces of work (rendering pages, writing files) on every core. The output
/// does not depend on the schedule: results are put back in input order.
enum ParallelWork {
    /// `transform` applied to every element of `items`, in order, on up to one thread per core.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Item) throws -> Result
    ) throws -> [Result] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 64))
        guard workers > 1 else { return try items.map(transform) }
        let chunk = (items.count + workers - 1) / workers
        let results = ChunkResults<Result>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<min(items.count, (worker + 1) * chunk)
            do {
                var part: [Result] = []
                part.reserveCapacity(range.count)
                for index in range { part.append(try transform(items[index])) }
                results.set(worker, .success(part))
            } catch {
                results.set(worker, .failure(error))
            }
        }
        var combined: [Result] = []
        combined.reserveCapacity(items.count)
        for part in results.all() { combined += try part.get() }
        return combined
    }
}

/// The results of each worker, guarded by a lock; workers write disjoint slots.
private final class ChunkResults<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Swift.Result<[Result], any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Swift.Result<[Result], any Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    func all() -> [Swift.Result<[Result], any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .success([]) }
    }
}
