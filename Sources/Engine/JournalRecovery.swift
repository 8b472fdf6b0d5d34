import Domain
public import Foundation
import OpenRouterAPI
public import OpenRouterClient
public import SealedState
import StateModel

/// Recovers what an interrupted apply left in its journal, before anything else happens:
/// every key whose creation was recorded goes into the state with its sealed secret, and every
/// create whose answer never arrived is looked up by its marker. Such a key's secret is lost, so
/// it is deleted; the plan that follows creates the key again, visibly.
public enum JournalRecovery {
    /// What recovery did, in words, for the apply's output and commit message.
    public static func recover(journalAt url: URL, into opened: inout OpenedState, client: OpenRouterClient,
                               now: Date) async throws -> [String] {
        let records = try ApplyJournal.records(at: url)
        guard !records.isEmpty else { return [] }
        var notes: [String] = []
        var created: [String: ApplyJournal.Record] = [:]  // by marker
        var deleted = Set<String>()
        for record in records {
            switch record.event {
            case .created: if let marker = record.marker { created[marker] = record }
            case .deleted: if let hash = record.hash { deleted.insert(hash) }
            case .intent: break
            }
        }
        // The whole account: a key the interrupted run created may live in any workspace.
        let live = try await Refresh.account(using: client).keys
        let liveHashes = Set(live.map(\.hash))
        for record in records where record.event == .created {
            guard let hash = record.hash, let sealed = record.sealedSecret, !deleted.contains(hash), liveHashes.contains(hash),
                opened.state[record.address]?.hash != hash
            else { continue }
            let previous = opened.state[record.address]
            // What OpenRouter holds now is what the state records; the journal's values stand in
            // only for a key the listing does not describe.
            let found = live.first(where: { $0.hash == hash })
            let values = found?.values ?? record.values ?? KeyValues(name: record.address.description)
            var entry = StateEntry(
                address: record.address, hash: hash, values: values, createdAt: record.createdAt ?? now,
                generation: (previous?.generation ?? 0) + 1, protect: previous?.protect ?? false, labels: previous?.labels ?? [:],
                workspaceID: found?.workspaceID)
            if let previous, previous.hash != hash, liveHashes.contains(previous.hash), !deleted.contains(previous.hash) {
                // The interrupted run was replacing this key; keep the old one as a predecessor to delete.
                entry.predecessor = RotationPredecessor(hash: previous.hash, deleteAfter: now)
            }
            try opened.upsert(entry, journalSealedSecret: sealed)
            notes.append("recovered \(record.address) from the journal: the key was created by an interrupted apply, and its secret is now in the state")
        }
        for record in records where record.event == .intent {
            guard let marker = record.marker, created[marker] == nil else { continue }
            for orphan in live where orphan.values.name.contains(marker) && !deleted.contains(orphan.hash) {
                do {
                    try await client.deleteKey(KeyHash(orphan.hash))
                } catch OpenRouterClientError.keyNotFound {}
                notes.append("deleted key \(orphan.hash.prefix(12))… for \(record.address): an interrupted apply created it but its secret never reached the journal, so it is unusable; the plan creates the key again")
            }
        }
        return notes
    }
}
