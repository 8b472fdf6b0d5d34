public import Domain

/// A change to one key and the commit that made it.
public struct KeyEvent: Equatable, Sendable {
    public var address: KeyAddress
    public var change: KeyChange
    public var commit: CommitSummary

    public init(address: KeyAddress, change: KeyChange, commit: CommitSummary) {
        self.address = address
        self.change = change
        self.commit = commit
    }
}
