public import Domain

/// The state's model: what keyplane recorded about every resource it manages at its last apply,
/// the "prior" side of a plan. Domain data only; the sealed-state module keeps how it is stored
/// (the file format, the MAC, the recipients and the cryptography). A value, so the planner can
/// compare it freely.
public struct State: Equatable, Sendable {
    /// A random id fixed when the state is created; a state with another lineage is another state.
    public let lineage: String
    /// Raised by one on every write; it never goes backwards.
    public package(set) var serial: Int64
    /// Every managed key, by address.
    public package(set) var entries: [KeyAddress: StateEntry]
    /// Every managed workspace, by the client it belongs to.
    public package(set) var workspaces: [ClientID: WorkspaceEntry]

    package init(lineage: String, serial: Int64, entries: [KeyAddress: StateEntry],
                 workspaces: [ClientID: WorkspaceEntry] = [:]) {
        self.lineage = lineage
        self.serial = serial
        self.entries = entries
        self.workspaces = workspaces
    }

    /// The workspace records in client order.
    public var sortedWorkspaces: [WorkspaceEntry] { workspaces.keys.sorted().map { workspaces[$0]! } }

    /// The entries in address order.
    public var sortedEntries: [StateEntry] { entries.keys.sorted().map { entries[$0]! } }

    /// The entry at `address`, if any.
    public subscript(address: KeyAddress) -> StateEntry? { entries[address] }
}
