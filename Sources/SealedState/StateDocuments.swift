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

    init(state: State) {
        header = HeaderDocument(format: StateFormat.formatName, lineage: state.lineage, mac: nil,
                                recipients: state.recipients.map(\.document), serial: state.serial, version: state.formatVersion)
        var entries: [EntryDocument] = []
        entries.reserveCapacity(state.entries.count)
        for entry in state.entries.values { entries.append(entry.document) }
        // An address starts with its client id and a `/`, and strings with a common prefix are
        // contiguous in sorted order, so sorting by address groups the entries by client.
        entries.sort { StateJSON.utf8Precedes($0.address, $1.address) }
        var clients: [ClientDocument] = []
        var start = 0
        while start < entries.count {
            let client = Self.clientID(of: entries[start].address)
            var end = start + 1
            while end < entries.count, Self.clientID(of: entries[end].address) == client { end += 1 }
            clients.append(ClientDocument(client: String(client), sortedEntries: Array(entries[start..<end])))
            start = end
        }
        // `-` sorts below `/`, so `acme-eu/…` comes before `acme/…`: put the clients in id order.
        clients.sort { StateJSON.utf8Precedes($0.client, $1.client) }
        self.clients = clients
    }

    private static func clientID(of address: String) -> Substring {
        address.prefix { $0 != "/" }
    }

    /// MAC = HMAC-SHA-256(mac key, frame("keyplane-state-v1 mac") ‖ canonical(header without mac)
    /// ‖ u64(number of client files) ‖ for each client in UTF-8 byte order: frame(client) ‖ canonical(file)).
    func mac(key: [UInt8]) throws -> [UInt8] {
        var capacity = 1024
        for client in clients {
            capacity += 64 + client.client.utf8.count
            for entry in client.entries { capacity += entry.estimatedCanonicalSize }
        }
        var input = MACInput(reservingCapacity: capacity)
        input.appendFrame(StateFormat.macDomain)
        header.appendCanonicalWithoutMAC(to: &input)
        input.appendUInt64(UInt64(clients.count))
        for client in clients {
            input.appendFrame(client.client)
            client.appendCanonical(to: &input)
        }
        return try Digest.hmacSHA256(key: key, input.bytes)
    }
}
