public import Domain

/// What git history says about the keys: every change to every key, and every apply, read in one
/// walk over the commits (see `RepositoryHistory.read(from:statePath:)`).
public struct RepositoryHistory: Equatable, Sendable {
    /// Each key's changes, oldest first.
    public var events: [KeyAddress: [KeyEvent]]
    /// Apply commits, newest first.
    public var applies: [ApplyRecord]

    public init(events: [KeyAddress: [KeyEvent]] = [:], applies: [ApplyRecord] = []) {
        self.events = events
        self.applies = applies
    }

    /// No history: for a repository without commits, or a status without git.
    public static let empty = RepositoryHistory()
}
