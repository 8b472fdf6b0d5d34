import Dispatch
import Foundation

/// Runs independent pieces of work (rendering pages, writing files) on every core. The output
/// does not depend on the schedule: results are put back in input order.
enum ParallelWork {
    /// Items a worker takes at a time: small enough that the workers finish together when the
    /// items' costs differ (a client page costs more than a key page), large enough that taking
    /// them costs nothing.
    static let batch = 16

    /// `transform` applied to every element of `items`, in order, on up to one thread per core.
    /// Workers take the next batch of items as they finish one. The first error thrown is
    /// rethrown once every worker has stopped.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Item) throws -> Result
    ) throws -> [Result] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / batch))
        guard workers > 1 else { return try items.map(transform) }
        let batches = (items.count + batch - 1) / batch
        let results = BatchResults<Result>(count: batches)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.next() {
                let range = (index * batch)..<min(items.count, (index + 1) * batch)
                do {
                    var part: [Result] = []
                    part.reserveCapacity(range.count)
                    for item in items[range] { part.append(try transform(item)) }
                    results.set(index, .success(part))
                } catch {
                    results.set(index, .failure(error))
                }
            }
        }
        var combined: [Result] = []
        combined.reserveCapacity(items.count)
        for part in results.all() { combined += try part.get() }
        return combined
    }
}

/// The batches' results, guarded by a lock, and the next batch to take. After a failure no new
/// batch is taken.
private final class BatchResults<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Swift.Result<[Result], any Error>?]
    private var taken = 0
    private var failed = false

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !failed, taken < slots.count else { return nil }
        taken += 1
        return taken - 1
    }

    func set(_ index: Int, _ value: Swift.Result<[Result], any Error>) {
        lock.lock()
        defer { lock.unlock() }
        if case .failure = value { failed = true }
        slots[index] = value
    }

    func all() -> [Swift.Result<[Result], any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .success([]) }
    }
}
