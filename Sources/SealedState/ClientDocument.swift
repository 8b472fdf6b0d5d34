import StateModel
/// One client file `clients/<client>.json` as stored: the client's id, its keys by address, and
/// (format 2) its workspace record. The entries are kept as an array in the UTF-8 byte order of
/// their addresses, the order the MAC needs; JSON renders them as the object `keys`.
struct ClientDocument: StateFileDocument, Equatable, Sendable {
    var client: String
    /// Sorted by address (UTF-8 bytes), without duplicates.
    var entries: [EntryDocument]
    /// The client's workspace, when keyplane manages one.
    var workspace: WorkspaceDocument?

    enum CodingKeys: String, CodingKey {
        case client
        case keys
        case workspace
    }

    /// `entries` must be sorted by address, without duplicates.
    init(client: String, sortedEntries entries: [EntryDocument], workspace: WorkspaceDocument? = nil) {
        self.client = client
        self.entries = entries
        self.workspace = workspace
    }

    /// A client's document from its entries in any order, and its workspace record.
    init(client: String, entries: [StateEntry], workspace: WorkspaceEntry? = nil) {
        self.client = client
        self.workspace = workspace.map(WorkspaceDocument.init)
        // Each document is built once, already in address order: sorting the documents themselves
        // would copy one, every string retained and released, at each move.
        let addresses = entries.map(\.address.description)
        var order = Array(entries.indices)
        order.sort { StateJSON.utf8Precedes(addresses[$0], addresses[$1]) }
        var limits = LimitTextCache()
        self.entries = order.map { entries[$0].document(address: addresses[$0], limits: &limits) }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        client = try container.decode(String.self, forKey: .client)
        // Decoded one by one in address order, so the entries go straight into place.
        let keys = try container.nestedContainer(keyedBy: AddressCodingKey.self, forKey: .keys)
        let addresses = keys.allKeys.sorted { StateJSON.utf8Precedes($0.stringValue, $1.stringValue) }
        var entries: [EntryDocument] = []
        entries.reserveCapacity(addresses.count)
        for address in addresses {
            var entry = try keys.decode(EntryDocument.self, forKey: address)
            entry.address = address.stringValue
            entries.append(entry)
        }
        self.entries = entries
        workspace = try container.decodeIfPresent(WorkspaceDocument.self, forKey: .workspace)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(client, forKey: .client)
        var keys = container.nestedContainer(keyedBy: AddressCodingKey.self, forKey: .keys)
        for entry in entries { try keys.encode(entry, forKey: AddressCodingKey(stringValue: entry.address)) }
        try container.encodeIfPresent(workspace, forKey: .workspace)
    }

    /// Appends the MAC's canonical encoding: `client`, then `keys` with the addresses in order,
    /// then `workspace` when there is one.
    func appendCanonical(to input: inout MACInput) {
        input.appendObjectHeader(count: workspace == nil ? 2 : 3)
        input.appendKey("client")
        input.appendString(client)
        input.appendKey("keys")
        input.appendObjectHeader(count: entries.count)
        for entry in entries {
            input.appendFrame(entry.address)
            entry.appendCanonical(to: &input)
        }
        if let workspace {
            input.appendKey("workspace")
            workspace.emit(to: &input)
        }
    }

    /// Writes the client file's object: `client`, then `keys` with the addresses in order, then
    /// `workspace` when there is one.
    func write(to writer: inout StateJSONWriter) {
        writer.beginObject()
        writer.key("client")
        writer.string(client)
        writer.key("keys")
        writer.beginObject()
        for entry in entries {
            writer.key(escaping: entry.address)
            entry.write(to: &writer)
        }
        writer.endObject()
        if let workspace {
            writer.key("workspace")
            workspace.emit(to: &writer)
        }
        writer.endObject()
    }

    /// A guess at the size of `appendCanonical`'s output (and the framed client id), to reserve a
    /// buffer once: a key with a sealed secret takes about 530 bytes. A larger one only costs the
    /// buffer a doubling.
    var estimatedCanonicalSize: Int { 128 + client.utf8.count + 640 * entries.count }

    /// The MAC input's estimate serves for the file too: both spell out every field's name and
    /// value once, and a file's indentation and punctuation take about as much as the framing.
    var estimatedFileSize: Int { estimatedCanonicalSize }
}
