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
    }

    /// Appends the MAC's canonical encoding: the present fields in UTF-8 key order (the order of
    /// the coding keys above).
    func appendCanonical(to input: inout MACInput) {
        var count = 9
        if expiresAt != nil { count += 1 }
        if labels != nil { count += 1 }
        if limit != nil { count += 1 }
        if limitReset != nil { count += 1 }
        if predecessorDeleteAfter != nil { count += 1 }
        if predecessorHash != nil { count += 1 }
        if rotatedAt != nil { count += 1 }
        if secret != nil { count += 1 }
        input.appendObjectHeader(count: count)
        input.appendKey("created_at")
        input.appendString(createdAt)
        input.appendKey("disabled")
        input.appendBool(disabled)
        if let expiresAt { input.appendKey("expires_at"); input.appendString(expiresAt) }
        input.appendKey("generation")
        input.appendInteger(generation)
        input.appendKey("hash")
        input.appendString(hash)
        input.appendKey("include_byok_in_limit")
        input.appendBool(includeBYOKInLimit)
        if let labels { input.appendKey("labels"); input.appendStringObject(labels) }
        if let limit { input.appendKey("limit"); input.appendString(limit) }
        if let limitReset { input.appendKey("limit_reset"); input.appendString(limitReset) }
        input.appendKey("name")
        input.appendString(name)
        if let predecessorDeleteAfter { input.appendKey("predecessor_delete_after"); input.appendString(predecessorDeleteAfter) }
        if let predecessorHash { input.appendKey("predecessor_hash"); input.appendString(predecessorHash) }
        input.appendKey("preview")
        input.appendString(preview)
        input.appendKey("protect")
        input.appendBool(protect)
        if let rotatedAt { input.appendKey("rotated_at"); input.appendString(rotatedAt) }
        if let secret { input.appendKey("secret"); input.appendString(secret) }
        input.appendKey("secret_status")
        input.appendString(secretStatus)
    }

    /// Writes the entry's object: the present fields in UTF-8 key order (the order of the coding
    /// keys above), `labels` sorted by key.
    func write(to writer: inout StateJSONWriter) {
        writer.beginObject()
        writer.key("created_at")
        writer.string(createdAt)
        writer.key("disabled")
        writer.bool(disabled)
        if let expiresAt { writer.key("expires_at"); writer.string(expiresAt) }
        writer.key("generation")
        writer.integer(generation)
        writer.key("hash")
        writer.string(hash)
        writer.key("include_byok_in_limit")
        writer.bool(includeBYOKInLimit)
        if let labels {
            writer.key("labels")
            writer.beginObject()
            for (key, value) in labels.sorted(by: { StateJSON.utf8Precedes($0.key, $1.key) }) {
                writer.key(escaping: key)
                writer.string(value)
            }
            writer.endObject()
        }
        if let limit { writer.key("limit"); writer.string(limit) }
        if let limitReset { writer.key("limit_reset"); writer.string(limitReset) }
        writer.key("name")
        writer.string(name)
        if let predecessorDeleteAfter { writer.key("predecessor_delete_after"); writer.string(predecessorDeleteAfter) }
        if let predecessorHash { writer.key("predecessor_hash"); writer.string(predecessorHash) }
        writer.key("preview")
        writer.string(preview)
        writer.key("protect")
        writer.bool(protect)
        if let rotatedAt { writer.key("rotated_at"); writer.string(rotatedAt) }
        if let secret { writer.key("secret"); writer.string(secret) }
        writer.key("secret_status")
        writer.string(secretStatus)
        writer.endObject()
    }
}
