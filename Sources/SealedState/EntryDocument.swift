import StateModel
/// One key's object in a client file as stored: every field as the file spells it (timestamps
/// and amounts as text, the sealed secret as base64). `StateEntry` converts to and from it.
struct EntryDocument: Codable, Equatable, Sendable {
    /// The key's address: the object's key in the client file's `keys`, not a field of its own.
    var address: String = ""
    var createdAt: String
    var disabled: Bool
    var expiresAt: String?
    var generation: Int64
    var hash: String
    var includeBYOKInLimit: Bool
    var labels: [String: String]?
    var limit: String?
    var limitReset: String?
    var name: String
    var predecessorDeleteAfter: String?
    var predecessorHash: String?
    var preview: String
    var protect: Bool
    var rotatedAt: String?
    var secret: String?
    var secretStatus: String
    /// The workspace the key lives in (format 2); absent for the default workspace or a key
    /// recorded before workspaces.
    var workspaceID: String?

    enum CodingKeys: String, CodingKey {
        case createdAt = "created_at"
        case disabled
        case expiresAt = "expires_at"
        case generation
        case hash
        case includeBYOKInLimit = "include_byok_in_limit"
        case labels
        case limit
        case limitReset = "limit_reset"
        case name
        case predecessorDeleteAfter = "predecessor_delete_after"
        case predecessorHash = "predecessor_hash"
        case preview
        case protect
        case rotatedAt = "rotated_at"
        case secret
        case secretStatus = "secret_status"
        case workspaceID = "workspace_id"
    }

    /// The entry's present fields, in UTF-8 key order (the order of the coding keys above), for
    /// the MAC and for the file alike; `labels` sorted by key.
    func emit<Fields: CanonicalFields & ~Copyable>(to fields: inout Fields) {
        // Counted without an array: this runs twice per entry on every open.
        func one(_ isPresent: Bool) -> Int { isPresent ? 1 : 0 }
        let present = 9 + one(expiresAt != nil) + one(labels != nil) + one(limit != nil) + one(limitReset != nil)
            + one(predecessorDeleteAfter != nil) + one(predecessorHash != nil) + one(rotatedAt != nil) + one(secret != nil)
            + one(workspaceID != nil)
        fields.beginObject(fieldCount: present)
        fields.field("created_at", createdAt)
        fields.field("disabled", disabled)
        fields.field("expires_at", expiresAt)
        fields.field("generation", generation)
        fields.field("hash", hash)
        fields.field("include_byok_in_limit", includeBYOKInLimit)
        if let labels { fields.field("labels", stringObject: labels) }
        fields.field("limit", limit)
        fields.field("limit_reset", limitReset)
        fields.field("name", name)
        fields.field("predecessor_delete_after", predecessorDeleteAfter)
        fields.field("predecessor_hash", predecessorHash)
        fields.field("preview", preview)
        fields.field("protect", protect)
        fields.field("rotated_at", rotatedAt)
        fields.field("secret", secret)
        fields.field("secret_status", secretStatus)
        fields.field("workspace_id", workspaceID)
        fields.endObject()
    }

    /// Appends the MAC's canonical encoding of the entry.
    func appendCanonical(to input: inout MACInput) { emit(to: &input) }

    /// Writes the entry's object into a state file.
    func write(to writer: inout StateJSONWriter) { emit(to: &writer) }
}
