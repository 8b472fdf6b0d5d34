import Domain
import Foundation
import StateModel

extension StateEntry {
    /// The entry's object in a client file, `address` being `self.address` as text. Absent
    /// optionals are left out.
    func document(address: String, limits: inout LimitTextCache) -> EntryDocument {
        EntryDocument(
            address: address,
            createdAt: StateTimestamp.format(createdAt),
            disabled: values.disabled,
            expiresAt: values.expiresAt.map(StateTimestamp.format),
            generation: Int64(generation),
            hash: hash,
            includeBYOKInLimit: values.includeBYOKInLimit,
            labels: labels.isEmpty ? nil : labels,
            limit: values.limit.map { limits.text(for: $0) },
            limitReset: values.limitReset?.rawValue,
            name: values.name,
            predecessorDeleteAfter: predecessor.map { StateTimestamp.format($0.deleteAfter) },
            predecessorHash: predecessor?.hash,
            preview: preview,
            protect: protect,
            rotatedAt: rotatedAt.map(StateTimestamp.format),
            secret: sealedSecret?.base64,
            secretStatus: secretStatus.rawValue,
            workspaceID: workspaceID)
    }

    /// Reads an entry's object; the problem names what is wrong for the error message.
    init(address: KeyAddress, document: EntryDocument, limits: inout LimitTextCache) throws(EntryProblem) {
        func date(_ text: String?, _ key: String) throws(EntryProblem) -> Date? {
            guard let text else { return nil }
            guard let date = StateTimestamp.parse(text) else { throw EntryProblem("has '\(key)' that is not YYYY-MM-DDTHH:MM:SSZ") }
            return date
        }
        var limit: USD?
        if let text = document.limit {
            guard let value = limits.amount(for: text) else { throw EntryProblem("has 'limit' that is not a decimal amount") }
            limit = value
        }
        var reset: LimitReset?
        if let text = document.limitReset {
            guard let value = LimitReset(rawValue: text) else { throw EntryProblem("has an unknown 'limit_reset' '\(text)'") }
            reset = value
        }
        guard document.generation >= 0, document.generation <= Int64(Int32.max) else {
            throw EntryProblem("needs 'generation' as a whole number")
        }
        guard let createdAt = try date(document.createdAt, "created_at") else { throw EntryProblem("needs 'created_at'") }
        let predecessorDelete = try date(document.predecessorDeleteAfter, "predecessor_delete_after")
        guard (document.predecessorHash == nil) == (predecessorDelete == nil) else {
            throw EntryProblem("needs both 'predecessor_hash' and 'predecessor_delete_after', or neither")
        }
        var predecessor: RotationPredecessor?
        if let hash = document.predecessorHash, let deleteAfter = predecessorDelete {
            predecessor = RotationPredecessor(hash: hash, deleteAfter: deleteAfter)
        }
        if let labels = document.labels, labels.isEmpty {
            throw EntryProblem("needs 'labels' as a non-empty object of strings")
        }
        self.init(
            address: address, hash: document.hash,
            values: KeyValues(name: document.name, limit: limit, limitReset: reset,
                              includeBYOKInLimit: document.includeBYOKInLimit, disabled: document.disabled,
                              expiresAt: try date(document.expiresAt, "expires_at")),
            createdAt: createdAt,
            rotatedAt: try date(document.rotatedAt, "rotated_at"), generation: Int(document.generation),
            preview: document.preview, predecessor: predecessor, protect: document.protect, labels: document.labels ?? [:],
            workspaceID: document.workspaceID)
        if let text = document.secret {
            guard let sealed = SealedSecret(base64: text) else { throw EntryProblem("has a 'secret' that is not base64 of nonce, ciphertext and tag") }
            sealedSecret = sealed
        }
        guard document.secretStatus == secretStatus.rawValue else {
            throw EntryProblem("says 'secret_status' is '\(document.secretStatus)' but \(sealedSecret == nil ? "has no" : "has a") 'secret'")
        }
    }
}
