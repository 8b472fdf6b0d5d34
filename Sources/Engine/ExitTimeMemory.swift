import Synchronization

/// The exit-time memory policy: values an operation holds until the process exits, so they are
/// never released one object at a time. A plan at 10,000 keys builds hundreds of thousands of
/// small objects (strings, arrays and dictionaries of keys, entries and changes); releasing them
/// as the operation's scopes end took 20 to 40 ms on one core, after the work was done and before
/// the process could exit. The kernel takes the whole address space back at exit at once.
///
/// Off unless the process's root command turns it on (`keyplane` does, as its first step): a
/// test or any other long-lived caller of the engine releases everything as usual.
public enum ExitTimeMemory {
    private static let state = Mutex<(enabled: Bool, values: [any Sendable])>((false, []))

    /// Turns the policy on for the rest of the process. Only for a process that exits when its
    /// one command is done.
    public static func keepUntilExit() {
        state.withLock { $0.enabled = true }
    }

    /// Holds `value` until exit when the policy is on; does nothing otherwise. Only for values that
    /// live until the end of the operation anyway.
    public static func keep(_ value: some Sendable) {
        state.withLock { state in
            if state.enabled { state.values.append(value) }
        }
    }
}
