import JSONTree

// The fast path for client files: opening a state of 10,000 keys reads 10,000 entries. Whatever
// it returns must still render back to the file's exact bytes (`StateJSON.decodeCanonical`), so
// it only has to read the canonical form right and give up on anything else.

extension ClientDocument {
    static func read(_ bytes: [UInt8]) -> ClientDocument? {
        guard let tree = JSONTree(parsing: bytes), let client = tree.value["client"]?.string, let keys = tree.value["keys"],
            keys.isObject
        else { return nil }
        var entries: [EntryDocument] = []
        var previous: String?
        for (address, value) in keys.members {
            // In strictly increasing UTF-8 order, as the entries must be (no duplicates either).
            if let previous, !StateJSON.utf8Precedes(previous, address) { return nil }
            guard var entry = EntryDocument(reading: value) else { return nil }
            entry.address = address
            entries.append(entry)
            previous = address
        }
        return ClientDocument(client: client, sortedEntries: entries)
    }
}

extension EntryDocument {
    /// The entry in `value` when it has the stored shape; optional fields may be absent.
    init?(reading value: JSONTree.Value) {
        func text(_ member: JSONTree.Value?) -> String?? {
            guard let member else { return .some(nil) }
            return member.string.map { .some($0) }
        }
        guard value.isObject,
            let createdAt = value["created_at"]?.string, let disabled = value["disabled"]?.bool,
            let expiresAt = text(value["expires_at"]),
            let generation = value["generation"]?.number.flatMap({ Int64(exactly: $0) }),
            let hash = value["hash"]?.string, let includeBYOKInLimit = value["include_byok_in_limit"]?.bool,
            let limit = text(value["limit"]), let limitReset = text(value["limit_reset"]), let name = value["name"]?.string,
            let predecessorDeleteAfter = text(value["predecessor_delete_after"]),
            let predecessorHash = text(value["predecessor_hash"]), let preview = value["preview"]?.string,
            let protect = value["protect"]?.bool, let rotatedAt = text(value["rotated_at"]), let secret = text(value["secret"]),
            let secretStatus = value["secret_status"]?.string
        else { return nil }
        var labels: [String: String]?
        if let member = value["labels"] {
            guard member.isObject else { return nil }
            var read: [String: String] = [:]
            for (label, text) in member.members {
                guard let text = text.string else { return nil }
                read[label] = text
            }
            labels = read
        }
        self.init(
            createdAt: createdAt, disabled: disabled, expiresAt: expiresAt, generation: generation, hash: hash,
            includeBYOKInLimit: includeBYOKInLimit, labels: labels, limit: limit, limitReset: limitReset, name: name,
            predecessorDeleteAfter: predecessorDeleteAfter, predecessorHash: predecessorHash, preview: preview,
            protect: protect, rotatedAt: rotatedAt, secret: secret, secretStatus: secretStatus)
    }
}
