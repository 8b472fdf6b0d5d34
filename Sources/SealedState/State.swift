public import Domain

/// The readable part of the sealed state: everything except the secrets' plaintext and the data
/// key. A value, so the planner can compare it freely.
public struct State: Equatable, Sendable {
    /// The format version of the files it was read from or will be written as.
    public var formatVersion: Int64
    /// A random id fixed when the state is created; a state with another lineage is another state.
    public let lineage: String
    /// Raised by one on every write; it never goes backwards.
    public internal(set) var serial: Int64
    /// Who can open the state.
    public internal(set) var recipients: [Recipient]
    /// Every managed key, by address.
    public internal(set) var entries: [KeyAddress: StateEntry]

    init(formatVersion: Int64 = StateFormat.version, lineage: String, serial: Int64, recipients: [Recipient],
         entries: [KeyAddress: StateEntry]) {
        self.formatVersion = formatVersion
        self.lineage = lineage
        self.serial = serial
        self.recipients = recipients
        self.entries = entries
    }

    /// The entries in address order.
    public var sortedEntries: [StateEntry] { entries.keys.sorted().map { entries[$0]! } }

    /// The entry at `address`, if any.
    public subscript(address: KeyAddress) -> StateEntry? { entries[address] }
}
