import Dispatch
import Foundation

/// Decodes manifest files on every core. Each file is independent until the merge, and results
/// come back in input order, so diagnostics and the merged model do not depend on the schedule.
enum FileWork {
    static func map<Item, Output>(_ items: [Item], _ transform: (Item) -> Output) -> [Output] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
        guard workers > 1 else { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let slots = Slots<Output>(count: items.count)
            let box = UncheckedBox(items: items, transform: transform)
            // Workers take the next file in turn, so one large file does not hold up a whole share.
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = next.take(below: box.items.count) {
                    slots.set(index, box.transform(box.items[index]))
                }
            }
            return slots.values()
        }
    }

    /// Items and the transform, handed to the workers; each item is read by one worker only.
    private struct UncheckedBox<Item, Output>: @unchecked Sendable {
        let items: [Item]
        let transform: (Item) -> Output
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }

    /// One slot per item; each is written by exactly one worker, under a lock.
    private final class Slots<Output>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Output?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Output) { lock.withLock { slots[index] = value } }
        func values() -> [Output] { lock.withLock { slots.map { $0! } } }
    }
}
