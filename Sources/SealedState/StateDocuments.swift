import Cryptography
import Domain

/// The state as its files hold it: the header (without its MAC) and one document per client, plus
/// the MAC over all of them. Building it from a `State` and reading it back from files both go
/// through here, so writer and reader cannot disagree on what the MAC covers.
struct StateDocuments: Sendable {
    /// The header; its `mac` is nil until the MAC is computed.
    var header: HeaderDocument
    /// One document per client, in the UTF-8 byte order of the client ids.
    var clients: [ClientDocument]

    /// `clients` must be sorted by client id (UTF-8 bytes), without duplicates.
    init(header: HeaderDocument, sortedClients clients: [ClientDocument]) {
        self.header = header
        self.clients = clients
    }

    /// The documents for `state`. The entries are grouped by client here; each client's
    /// documents are built and sorted in parallel.
    init(state: State) {
        header = HeaderDocument(format: StateFormat.formatName, lineage: state.lineage, mac: nil,
                                recipients: state.recipients.map(\.document), serial: state.serial, version: state.formatVersion)
        var byClient: [String: [StateEntry]] = [:]
        for entry in state.entries.values { byClient[entry.address.client.rawValue, default: []].append(entry) }
        let ids = byClient.keys.sorted(by: StateJSON.utf8Precedes)
        let groups = ids.map { byClient[$0] ?? [] }
        clients = ParallelWork.map(count: ids.count) { index in ClientDocument(client: ids[index], entries: groups[index]) }
    }

    /// MAC = HMAC-SHA-256(mac key, frame("keyplane-state-v1 mac") ‖ canonical(header without mac)
    /// ‖ u64(number of client files) ‖ for each client in UTF-8 byte order: frame(client) ‖ canonical(file)).
    func mac(key: [UInt8]) throws -> [UInt8] {
        // Each client's part of the input depends on nothing else, so the parts are built on every
        // core and then joined in order; only the HMAC itself runs on one.
        let clients = self.clients
        let parts = ParallelWork.map(count: clients.count) { index in
            var part = MACInput(reservingCapacity: clients[index].estimatedCanonicalSize)
            part.appendFrame(clients[index].client)
            clients[index].appendCanonical(to: &part)
            return part
        }
        var input = MACInput(reservingCapacity: 1024 + parts.reduce(0) { $0 + $1.bytes.count })
        input.appendFrame(StateFormat.macDomain)
        header.appendCanonicalWithoutMAC(to: &input)
        input.appendUInt64(UInt64(clients.count))
        for part in parts { input.append(part) }
        return try Digest.hmacSHA256(key: key, input.bytes)
    }
}
