public import Domain
import Cryptography
import Parallel
public import StateModel

/// A state that was opened with a credential (or just created): the readable `state` plus the
/// data key, so secrets can be read one at a time and changes sealed. Change it with the mutating
/// methods, then hand it to `StateStore.write(_:)`.
public struct OpenedState: Sendable {
    /// The readable state.
    public internal(set) var state: State
    /// Who can open the state.
    public internal(set) var recipients: [Recipient]
    /// The format version of the files it was read from or will be written as.
    public internal(set) var formatVersion: Int64
    var dataKey: DataKey
    /// The credentials it was opened with, kept to rewrap for the passphrase recipient on rekey.
    let credentials: Credentials
    /// The serial on disk when it was opened; nil for a state not yet written.
    var serialOnDisk: Int64?
    /// The client documents as they were read or last written, by client id, so a write renders
    /// and replaces only the client files whose content changed.
    var clientsOnDisk: [String: ClientDocument] = [:]

    init(state: State, recipients: [Recipient], formatVersion: Int64 = StateFormat.version, dataKey: DataKey,
         credentials: Credentials, serialOnDisk: Int64?) {
        self.state = state
        self.recipients = recipients
        self.formatVersion = formatVersion
        self.dataKey = dataKey
        self.credentials = credentials
        self.serialOnDisk = serialOnDisk
    }

    /// Drops the copies of the client files that are kept so that a write replaces only the files
    /// whose content changed. A state opened only to be read (for a plan, a status or the site)
    /// has no use for them, and at 10,000 keys they hold several megabytes. A write afterwards
    /// still works: it replaces every client file.
    public mutating func forgetFileCopies() {
        clientsOnDisk = [:]
    }

    // MARK: Secrets

    /// Decrypts the secret of the key at `address`; nil if the state does not know it (an adopted
    /// key). This is the only way to a plaintext secret.
    public func secret(for address: KeyAddress) throws(StateError) -> KeySecret? {
        guard let entry = state.entries[address] else { throw StateError.unknownAddress(address.description) }
        guard let sealed = entry.sealedSecret else { return nil }
        let aad = StateFormat.secretAssociatedData(lineage: state.lineage, address: address.description)
        guard let plaintext = Recipient.open(sealed.bytes, kek: dataKey.secretsKey, aad: aad) else {
            throw StateError.secretDoesNotAuthenticate(address: address.description)
        }
        return KeySecret(String(decoding: plaintext, as: UTF8.self))
    }

    /// Checks that every sealed secret authenticates under the data key and its address, without
    /// keeping any plaintext. The MAC covers the ciphertexts, but whoever holds the data key can
    /// recompute it over a swapped or altered one; apply checks every secret it is about to carry
    /// into a new state, so such a state is refused before anything changes, never committed.
    public func verifySealedSecrets() throws(StateError) {
        let entries = Array(state.entries.values)
        let lineage = state.lineage, kek = dataKey.secretsKey
        let failures = ParallelWork.map(count: entries.count, batch: 256) { index -> String? in
            guard let sealed = entries[index].sealedSecret else { return nil }
            let address = entries[index].address.description
            let aad = StateFormat.secretAssociatedData(lineage: lineage, address: address)
            guard var plaintext = Recipient.open(sealed.bytes, kek: kek, aad: aad) else { return address }
            for position in plaintext.indices { plaintext[position] = 0 }
            return nil
        }
        if let first = failures.compactMap({ $0 }).sorted().first {
            throw StateError.secretDoesNotAuthenticate(address: first)
        }
    }

    // MARK: Entries

    /// Adds or replaces the entry at `entry.address`. With a `secret`, seals it under a fresh nonce
    /// and sets the preview from it (a new or rotated key). Without one, keeps the secret already
    /// sealed at that address, if any (a metadata change), or records the secret as unknown.
    public mutating func upsert(_ entry: StateEntry, secret: KeySecret? = nil) throws(StateError) {
        var entry = entry
        entry.normalize()
        if let secret {
            let aad = StateFormat.secretAssociatedData(lineage: state.lineage, address: entry.address.description)
            do {
                entry.sealedSecret = SealedSecret(bytes: try Recipient.seal(Array(secret.revealed.utf8), kek: dataKey.secretsKey, aad: aad))
            } catch {
                throw StateError.crypto("\(error)")
            }
            entry.preview = secret.preview
        } else {
            entry.sealedSecret = state.entries[entry.address]?.sealedSecret
        }
        state.entries[entry.address] = entry
    }

    /// Forgets the secret at `address`, leaving the entry with an unknown secret.
    public mutating func forgetSecret(at address: KeyAddress) throws(StateError) {
        guard state.entries[address] != nil else { throw StateError.unknownAddress(address.description) }
        state.entries[address]?.sealedSecret = nil
    }

    /// Adds or replaces the workspace record of `workspace.client`.
    public mutating func upsert(_ workspace: WorkspaceEntry) {
        state.workspaces[workspace.client] = workspace
    }

    /// Removes the workspace record of `client` and returns it, or nil if there was none.
    @discardableResult
    public mutating func removeWorkspace(of client: ClientID) -> WorkspaceEntry? {
        state.workspaces.removeValue(forKey: client)
    }

    /// Removes the entry at `address` and returns it, or nil if there was none.
    @discardableResult
    public mutating func remove(_ address: KeyAddress) -> StateEntry? {
        state.entries.removeValue(forKey: address)
    }

    // MARK: Recipients

    /// Wraps the current data key for one more recipient. Existing recipients keep working.
    public mutating func addRecipient(_ recipient: NewRecipient) throws(StateError) {
        guard !recipients.contains(where: { $0.id == recipient.id }) else {
            throw StateError.recipientExists(recipient.id.description)
        }
        do {
            recipients.append(try Recipient.wrap(dataKey.bytes, for: recipient, lineage: state.lineage))
        } catch {
            throw StateError.crypto("\(error)")
        }
    }

    /// Removes a recipient and rekeys, so the removed recipient cannot open any state written from
    /// now on (it can still open the old versions in git history, which held the old data key).
    public mutating func removeRecipient(_ id: RecipientID) throws(StateError) {
        guard recipients.contains(where: { $0.id == id }) else { throw StateError.recipientNotFound(id.description) }
        guard recipients.count > 1 else { throw StateError.lastRecipient }
        var copy = self
        copy.recipients.removeAll { $0.id == id }
        try copy.rekey()
        self = copy
    }

    /// Makes a new data key, re-encrypts every secret under it and wraps it for every recipient
    /// again. The passphrase recipient is rewrapped with `newPassphrase` if given (changing the
    /// passphrase), else with the passphrase the state was opened with; `kdf` changes its cost.
    public mutating func rekey(newPassphrase: Passphrase? = nil, kdf: PassphraseKDF? = nil) throws(StateError) {
        do {
            let newKey = try DataKey.generate()
            var entries = state.entries
            for (address, entry) in entries {
                guard let sealed = entry.sealedSecret else { continue }
                let aad = StateFormat.secretAssociatedData(lineage: state.lineage, address: address.description)
                guard let plaintext = Recipient.open(sealed.bytes, kek: dataKey.secretsKey, aad: aad) else {
                    throw StateError.secretDoesNotAuthenticate(address: address.description)
                }
                entries[address]?.sealedSecret = SealedSecret(bytes: try Recipient.seal(plaintext, kek: newKey.secretsKey, aad: aad))
            }
            var rewrapped: [Recipient] = []
            for recipient in recipients {
                switch recipient {
                case .passphrase(let oldKDF, _, _):
                    guard let passphrase = newPassphrase ?? credentials.passphrase else { throw StateError.passphraseNeededToRekey }
                    rewrapped.append(try Recipient.wrap(newKey.bytes, for: .passphrase(passphrase, kdf ?? oldKDF), lineage: state.lineage))
                case .x25519(let key, _, _):
                    rewrapped.append(try Recipient.wrap(newKey.bytes, for: .x25519(key), lineage: state.lineage))
                }
            }
            state.entries = entries
            recipients = rewrapped
            dataKey = newKey
        } catch let error as StateError {
            throw error
        } catch {
            throw StateError.crypto("\(error)")
        }
    }
}

extension OpenedState {
    /// Puts `sealed` at `address` as is, without sealing anything: only for tests that show the
    /// associated data catching a ciphertext moved between keys.
    mutating func replaceSealedSecret(_ sealed: SealedSecret?, at address: KeyAddress) {
        state.entries[address]?.sealedSecret = sealed
    }
}
