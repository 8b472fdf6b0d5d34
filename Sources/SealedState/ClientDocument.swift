/// One client file `clients/<client>.json` as stored: the client's id and its keys by address.
/// The entries are kept as an array in the UTF-8 byte order of their addresses, the order the MAC
/// needs; JSON renders them as the object `keys`.
struct ClientDocument: Codable, Equatable, Sendable {
    var client: String
    /// Sorted by address (UTF-8 bytes), without duplicates.
    var entries: [EntryDocument]

    enum CodingKeys: String, CodingKey {
        case client
        case keys
    }

    /// `entries` must be sorted by address, without duplicates.
    init(client: String, sortedEntries entries: [EntryDocument]) {
        self.client = client
        self.entries = entries
    }

    /// A client's document from its entries in any order.
    init(client: String, entries: [StateEntry]) {
        self.client = client
        self.entries = Self.sortedByAddress(entries.map(\.document))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        client = try container.decode(String.self, forKey: .client)
        let keys = try container.decode([String: EntryDocument].self, forKey: .keys)
        var entries: [EntryDocument] = []
        entries.reserveCapacity(keys.count)
        for (address, entry) in keys {
            var entry = entry
            entry.address = address
            entries.append(entry)
        }
        self.entries = Self.sortedByAddress(entries)
    }

    /// The entries in the UTF-8 byte order of their addresses. Sorts their indices, not the
    /// entries, so each entry is copied once rather than moved about by the sort.
    private static func sortedByAddress(_ entries: [EntryDocument]) -> [EntryDocument] {
        var order = Array(entries.indices)
        order.sort { StateJSON.utf8Precedes(entries[$0].address, entries[$1].address) }
        return order.map { entries[$0] }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(client, forKey: .client)
        var keys = container.nestedContainer(keyedBy: AddressCodingKey.self, forKey: .keys)
        for entry in entries { try keys.encode(entry, forKey: AddressCodingKey(stringValue: entry.address)) }
    }

    /// Appends the MAC's canonical encoding: `client`, then `keys` with the addresses in order.
    func appendCanonical(to input: inout MACInput) {
        input.appendObjectHeader(count: 2)
        input.appendKey("client")
        input.appendString(client)
        input.appendKey("keys")
        input.appendObjectHeader(count: entries.count)
        for entry in entries {
            input.appendFrame(entry.address)
            entry.appendCanonical(to: &input)
        }
    }
}
