import Parallel
import Domain
import StateModel

/// The state as its files will hold it: the header (without its MAC until it is computed) and one
/// document per client, built from a `State` for writing.
struct StateDocuments: Sendable {
    /// The header; its `mac` is nil until the MAC is computed.
    var header: HeaderDocument
    /// One document per client, in the UTF-8 byte order of the client ids.
    var clients: [ClientDocument]

    /// The documents for `state`. The entries are grouped by client here, by position, so no
    /// entry is copied on this one thread; each client's document is built on every core.
    init(state: State, recipients: [Recipient], formatVersion: Int64) {
        header = HeaderDocument(format: StateFormat.formatName, lineage: state.lineage, mac: nil,
                                recipients: recipients.map(\.document), serial: state.serial, version: formatVersion)
        let entries = state.entries, workspaces = state.workspaces
        var byClient: [String: [Dictionary<KeyAddress, StateEntry>.Index]] = [:]
        for position in entries.indices { byClient[entries.keys[position].client.rawValue, default: []].append(position) }
        // A client with a workspace and no keys still has its file.
        for client in workspaces.keys where byClient[client.rawValue] == nil { byClient[client.rawValue] = [] }
        let ids = byClient.keys.sorted(by: StateJSON.utf8Precedes)
        let groups = ids.map { byClient[$0] ?? [] }
        clients = ParallelWork.map(count: ids.count) { index in
            ClientDocument(client: ids[index], entries: groups[index].map { entries.values[$0] },
                           workspace: ClientID(ids[index]).flatMap { workspaces[$0] })
        }
    }
}
