import Synchronization

/// Values a command holds until the process exits, so they are never released one object at a
/// time. A plan at 10,000 keys builds hundreds of thousands of small objects (strings, arrays and
/// dictionaries of keys, entries and changes); releasing them as the command's scopes end took
/// 20 to 40 ms on one core, after the work was done and before the process could exit. The kernel
/// takes the whole address space back at exit at once.
///
/// Only for values that live until the end anyway: keeping one holds its memory to the end.
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: some Sendable) {
        values.withLock { $0.append(value) }
    }
}
