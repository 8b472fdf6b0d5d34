import JSONTree

// The fast path for client files: opening a state of 10,000 keys reads 10,000 entries. Whatever
// it returns must still render back to the file's exact bytes (`StateJSON.decodeCanonical`), so
// it only has to read the canonical form right and give up on anything else.

extension ClientDocument {
    static func read(_ bytes: [UInt8]) -> ClientDocument? {
        guard let tree = JSONTree(parsing: bytes) else { return nil }
        var members = tree.value.orderedMembers
        guard let client = members.take("client")?.string, let keys = members.take("keys"), keys.isObject else { return nil }
        var workspace: WorkspaceDocument?
        if let value = members.take("workspace") {
            guard let read = WorkspaceDocument(reading: value) else { return nil }
            workspace = read
        }
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
        return ClientDocument(client: client, sortedEntries: entries, workspace: workspace)
    }
}

extension WorkspaceDocument {
    /// The record in `value` when it has the stored shape.
    init?(reading value: JSONTree.Value) {
        guard value.isObject else { return nil }
        var fields = value.orderedMembers
        var budgets: [String: String]?
        if let member = fields.take("budgets") {
            guard member.isObject else { return nil }
            var read: [String: String] = [:]
            for (window, text) in member.members {
                guard let text = text.string else { return nil }
                read[window] = text
            }
            budgets = read
        }
        var description: String?
        if let member = fields.take("description") {
            guard let text = member.string else { return nil }
            description = text
        }
        guard let id = fields.take("id")?.string, let includeBYOK = fields.take("include_byok_in_budgets")?.bool,
            let name = fields.take("name")?.string, let slug = fields.take("slug")?.string
        else { return nil }
        self.init(budgets: budgets, description: description, id: id, includeBYOKInBudgets: includeBYOK, name: name, slug: slug)
    }
}

extension EntryDocument {
    /// The entry in `value` when it has the stored shape; optional fields may be absent.
    init?(reading value: JSONTree.Value) {
        func text(_ member: JSONTree.Value?) -> String?? {
            guard let member else { return .some(nil) }
            return member.string.map { .some($0) }
        }
        // Asked for in the order the file writes them, so each is found with one comparison.
        var fields = value.orderedMembers
        guard value.isObject,
            let createdAt = fields.take("created_at")?.string, let disabled = fields.take("disabled")?.bool,
            let expiresAt = text(fields.take("expires_at")),
            let generation = fields.take("generation")?.number.flatMap({ Int64(exactly: $0) }),
            let hash = fields.take("hash")?.string, let includeBYOKInLimit = fields.take("include_byok_in_limit")?.bool
        else { return nil }
        var labels: [String: String]?
        if let member = fields.take("labels") {
            guard member.isObject else { return nil }
            var read: [String: String] = [:]
            for (label, text) in member.members {
                guard let text = text.string else { return nil }
                read[label] = text
            }
            labels = read
        }
        guard let limit = text(fields.take("limit")), let limitReset = text(fields.take("limit_reset")),
            let name = fields.take("name")?.string,
            let predecessorDeleteAfter = text(fields.take("predecessor_delete_after")),
            let predecessorHash = text(fields.take("predecessor_hash")), let preview = fields.take("preview")?.string,
            let protect = fields.take("protect")?.bool, let rotatedAt = text(fields.take("rotated_at")),
            let secret = text(fields.take("secret")), let secretStatus = fields.take("secret_status")?.string,
            let workspaceID = text(fields.take("workspace_id"))
        else { return nil }
        self.init(
            createdAt: createdAt, disabled: disabled, expiresAt: expiresAt, generation: generation, hash: hash,
            includeBYOKInLimit: includeBYOKInLimit, labels: labels, limit: limit, limitReset: limitReset, name: name,
            predecessorDeleteAfter: predecessorDeleteAfter, predecessorHash: predecessorHash, preview: preview,
            protect: protect, rotatedAt: rotatedAt, secret: secret, secretStatus: secretStatus, workspaceID: workspaceID)
    }
}
