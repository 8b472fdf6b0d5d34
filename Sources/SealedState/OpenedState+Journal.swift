public import Domain
public import StateModel
import Cryptography
import Foundation

/// Sealing a secret ahead of the state write, for apply's journal: a secret OpenRouter has just
/// shown is sealed exactly as the state would seal it, written durably to the journal, and later
/// moved into the state without ever being decrypted again.
extension OpenedState {
    /// `secret` sealed for the key at `address` under this state's secrets key, as base64.
    public func sealForJournal(_ secret: KeySecret, at address: KeyAddress) throws(StateError) -> String {
        let aad = StateFormat.secretAssociatedData(lineage: state.lineage, address: address.description)
        do {
            return SealedSecret(bytes: try Recipient.seal(Array(secret.revealed.utf8), kek: dataKey.secretsKey, aad: aad)).base64
        } catch {
            throw StateError.crypto("\(error)")
        }
    }

    /// Adds or replaces `entry` with a secret sealed by `sealForJournal`, after checking that it
    /// opens under this state's key and address (a journal from another state is refused).
    public mutating func upsert(_ entry: StateEntry, journalSealedSecret base64: String) throws(StateError) {
        guard let sealed = SealedSecret(base64: base64) else {
            throw StateError.crypto("the journal's sealed secret for \(entry.address) is not valid base64")
        }
        let aad = StateFormat.secretAssociatedData(lineage: state.lineage, address: entry.address.description)
        guard let plaintext = Recipient.open(sealed.bytes, kek: dataKey.secretsKey, aad: aad) else {
            throw StateError.secretDoesNotAuthenticate(address: entry.address.description)
        }
        var entry = entry.normalized
        entry.sealedSecret = sealed
        entry.preview = KeySecret(String(decoding: plaintext, as: UTF8.self)).preview
        state.entries[entry.address] = entry
    }
}
