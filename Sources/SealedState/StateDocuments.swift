import Cryptography
import Domain

/// The state as file trees: the header (without its MAC) and one document per client, plus the
/// MAC over all of them. Building it from a `State` and reading it back from files both go
/// through here, so writer and reader cannot disagree on what the MAC covers.
struct StateDocuments {
    /// The header without `mac`.
    var header: [String: JSONNode]
    /// Client id → the client file's tree.
    var clients: [String: JSONNode]

    init(header: [String: JSONNode], clients: [String: JSONNode]) {
        self.header = header
        self.clients = clients
    }

    init(state: State) {
        header = [
            "format": .string(StateFormat.formatName),
            "version": .integer(state.formatVersion),
            "lineage": .string(state.lineage),
            "serial": .integer(state.serial),
            "recipients": .array(state.recipients.map(\.node)),
        ]
        var byClient: [String: [String: JSONNode]] = [:]
        for (address, entry) in state.entries {
            byClient[address.client.rawValue, default: [:]][address.description] = entry.node
        }
        clients = byClient.mapValues { .object(["keys": .object($0)]) }
        for (client, document) in clients {
            guard case .object(var fields) = document else { continue }
            fields["client"] = .string(client)
            clients[client] = .object(fields)
        }
    }

    /// MAC = HMAC-SHA-256(mac key, frame("keyplane-state-v1 mac") ‖ canonical(header without mac)
    /// ‖ u64(number of client files) ‖ for each client in UTF-8 byte order: frame(client) ‖ canonical(file)).
    func mac(key: [UInt8]) throws -> [UInt8] {
        var input: [UInt8] = []
        input.reserveCapacity(256 * (clients.count + 1))
        JSONNode.appendFrame(Array(StateFormat.macDomain.utf8), to: &input)
        JSONNode.object(header).appendCanonical(to: &input)
        JSONNode.appendUInt64(UInt64(clients.count), to: &input)
        for client in clients.keys.sorted(by: JSONNode.utf8Less) {
            JSONNode.appendFrame(Array(client.utf8), to: &input)
            clients[client]!.appendCanonical(to: &input)
        }
        return try Digest.hmacSHA256(key: key, input)
    }
}
