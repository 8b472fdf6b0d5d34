/// An apply commit (one with a `Keyplane-Plan` trailer) and the key changes it made.
public struct ApplyRecord: Equatable, Sendable {
    public var commit: CommitSummary
    /// The changes the commit made to the state, in address order.
    public var events: [KeyEvent]

    public init(commit: CommitSummary, events: [KeyEvent]) {
        self.commit = commit
        self.events = events
    }
}
