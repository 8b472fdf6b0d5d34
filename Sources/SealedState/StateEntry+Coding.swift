import Domain
import Foundation

extension StateEntry {
    /// The entry's JSON object in a client file. Absent optionals are left out.
    var node: JSONNode {
        var fields: [String: JSONNode] = [
            "hash": .string(hash),
            "name": .string(name),
            "include_byok_in_limit": .bool(includeBYOKInLimit),
            "disabled": .bool(disabled),
            "created_at": .string(StateTimestamp.format(createdAt)),
            "generation": .integer(Int64(generation)),
            "preview": .string(preview),
            "secret_status": .string(secretStatus.rawValue),
            "protect": .bool(protect),
        ]
        if !labels.isEmpty { fields["labels"] = .object(labels.mapValues { .string($0) }) }
        if let limit { fields["limit"] = .string(limit.formatted(minimumDecimals: 2, symbol: false)) }
        if let limitReset { fields["limit_reset"] = .string(limitReset.rawValue) }
        if let expiresAt { fields["expires_at"] = .string(StateTimestamp.format(expiresAt)) }
        if let rotatedAt { fields["rotated_at"] = .string(StateTimestamp.format(rotatedAt)) }
        if let predecessor {
            fields["predecessor_hash"] = .string(predecessor.hash)
            fields["predecessor_delete_after"] = .string(StateTimestamp.format(predecessor.deleteAfter))
        }
        if let sealedSecret { fields["secret"] = .string(sealedSecret.base64) }
        return .object(fields)
    }

    private static let knownFields: Set<String> = [
        "hash", "name", "include_byok_in_limit", "disabled", "created_at", "generation", "preview", "secret_status",
        "limit", "limit_reset", "expires_at", "rotated_at", "predecessor_hash", "predecessor_delete_after", "secret",
        "protect", "labels",
    ]

    /// Reads an entry's object; `problem` names what is wrong for the error message.
    init(address: KeyAddress, node: JSONNode) throws(EntryProblem) {
        guard let fields = node.objectValue else { throw EntryProblem("is not an object") }
        if let unknown = fields.keys.first(where: { !Self.knownFields.contains($0) }) {
            throw EntryProblem("has an unknown field '\(unknown)'")
        }
        func string(_ key: String) throws(EntryProblem) -> String {
            guard let value = fields[key]?.stringValue else { throw EntryProblem("needs '\(key)' as a string") }
            return value
        }
        func optionalString(_ key: String) throws(EntryProblem) -> String? {
            guard let node = fields[key] else { return nil }
            guard let value = node.stringValue else { throw EntryProblem("needs '\(key)' as a string") }
            return value
        }
        func bool(_ key: String) throws(EntryProblem) -> Bool {
            guard let value = fields[key]?.boolValue else { throw EntryProblem("needs '\(key)' as true or false") }
            return value
        }
        func date(_ text: String?, _ key: String) throws(EntryProblem) -> Date? {
            guard let text else { return nil }
            guard let date = StateTimestamp.parse(text) else { throw EntryProblem("has '\(key)' that is not YYYY-MM-DDTHH:MM:SSZ") }
            return date
        }
        var limit: USD?
        if let text = try optionalString("limit") {
            guard let value = USD(decimal: text) else { throw EntryProblem("has 'limit' that is not a decimal amount") }
            limit = value
        }
        var reset: LimitReset?
        if let text = try optionalString("limit_reset") {
            guard let value = LimitReset(rawValue: text) else { throw EntryProblem("has an unknown 'limit_reset' '\(text)'") }
            reset = value
        }
        guard let generation = fields["generation"]?.integerValue, generation >= 0, generation <= Int64(Int32.max) else {
            throw EntryProblem("needs 'generation' as a whole number")
        }
        guard let createdAt = try date(try string("created_at"), "created_at") else { throw EntryProblem("needs 'created_at'") }
        let predecessorHash = try optionalString("predecessor_hash")
        let predecessorDelete = try date(try optionalString("predecessor_delete_after"), "predecessor_delete_after")
        guard (predecessorHash == nil) == (predecessorDelete == nil) else {
            throw EntryProblem("needs both 'predecessor_hash' and 'predecessor_delete_after', or neither")
        }
        self.init(
            address: address, hash: try string("hash"), name: try string("name"), limit: limit, limitReset: reset,
            includeBYOKInLimit: try bool("include_byok_in_limit"), disabled: try bool("disabled"),
            expiresAt: try date(try optionalString("expires_at"), "expires_at"), createdAt: createdAt,
            rotatedAt: try date(try optionalString("rotated_at"), "rotated_at"), generation: Int(generation),
            preview: try string("preview"),
            predecessor: predecessorHash.map { RotationPredecessor(hash: $0, deleteAfter: predecessorDelete!) })
        protect = try bool("protect")
        if let node = fields["labels"] {
            guard let object = node.objectValue, !object.isEmpty else { throw EntryProblem("needs 'labels' as a non-empty object of strings") }
            var labels: [String: String] = [:]
            for (key, value) in object {
                guard let text = value.stringValue else { throw EntryProblem("needs label '\(key)' as a string") }
                labels[key] = text
            }
            self.labels = labels
        }
        let status = try string("secret_status")
        if let text = try optionalString("secret") {
            guard let sealed = SealedSecret(base64: text) else { throw EntryProblem("has a 'secret' that is not base64 of nonce, ciphertext and tag") }
            sealedSecret = sealed
        }
        guard status == secretStatus.rawValue else {
            throw EntryProblem("says 'secret_status' is '\(status)' but \(sealedSecret == nil ? "has no" : "has a") 'secret'")
        }
    }
}

/// What is wrong with one entry; the reader adds the file and address.
struct EntryProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
