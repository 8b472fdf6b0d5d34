/// Why the state could not be opened, read or written. Each message says what happened and what
/// to do. After any of these, nothing has been written.
public enum StateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no state in the folder.
    case notInitialized(folder: String)
    /// `initialize` found a state already there.
    case alreadyInitialized(folder: String)
    /// Neither a passphrase nor an identity was given.
    case noCredentials(recipients: Int)
    /// None of the recipients matched the passphrase or identities given.
    case credentialsDoNotMatch(recipients: Int, tried: String)
    /// The MAC over the whole state does not match: an edit, a deletion, a reordering or damage.
    case macMismatch(folder: String)
    /// One secret's ciphertext does not authenticate under its address.
    case secretDoesNotAuthenticate(address: String)
    /// A file is not in the exact form keyplane writes.
    case notCanonical(file: String)
    /// A file cannot be read as state.
    case malformed(file: String, reason: String)
    /// The header's format version is one this build does not read.
    case unsupportedVersion(found: Int64, readable: [Int64])
    /// The serial on disk is below the one committed at HEAD.
    case rollback(serial: Int64, committedSerial: Int64, commit: String)
    /// The lineage on disk differs from the one committed at HEAD.
    case lineageMismatch(lineage: String, committedLineage: String, commit: String)
    /// The serial equals HEAD's but the content differs: another state with the same history length.
    case forked(serial: Int64, commit: String)
    /// The state on disk changed between opening and writing.
    case changedSinceOpened(openedSerial: Int64, foundSerial: Int64)
    /// No entry at this address.
    case unknownAddress(String)
    /// The recipient is already listed.
    case recipientExists(String)
    /// The recipient is not listed.
    case recipientNotFound(String)
    /// Removing the last recipient would make the state unopenable.
    case lastRecipient
    /// A rekey must rewrap for the passphrase recipient but no passphrase was given.
    case passphraseNeededToRekey
    /// An identity is not `KEYPLANE-IDENTITY-1-` and 64 hex digits.
    case malformedIdentity
    /// A file could not be read or written.
    case io(path: String, message: String)
    /// libcrypto failed.
    case crypto(String)

    public var description: String {
        switch self {
        case .notInitialized(let folder):
            "there is no sealed state in \(folder)/: run `keyplane state init` to create one, or pass --state to point at it"
        case .alreadyInitialized(let folder):
            "\(folder)/ already holds a sealed state; nothing was written. Use `keyplane state recipients` or `keyplane state rekey` to change it"
        case .noCredentials(let count):
            "the state has \(count) recipient\(count == 1 ? "" : "s") but no passphrase or identity was given: set KEYPLANE_PASSPHRASE or KEYPLANE_IDENTITY, or pass --passphrase-file or --identity-file"
        case let .credentialsDoNotMatch(count, tried):
            "the passphrase or identity does not open this state: none of its \(count) recipient\(count == 1 ? "" : "s") matched (tried \(tried)); check KEYPLANE_PASSPHRASE or KEYPLANE_IDENTITY, and `keyplane state recipients list` on a machine that can open it"
        case .macMismatch(let folder):
            "the state in \(folder)/ fails its integrity check (MAC): a field, an entry or a file was edited, removed or moved outside keyplane; nothing was written. Restore it from git (`git checkout -- \(folder)`) and make changes through keyplane"
        case .secretDoesNotAuthenticate(let address):
            "the sealed secret of \(address) does not authenticate: its ciphertext was altered or belongs to another key; restore the state from git, or rotate the key"
        case .notCanonical(let file):
            "\(file) is not in the form keyplane writes (fields reordered, reformatted or edited by hand); restore it from git (`git checkout -- \(file)`)"
        case let .malformed(file, reason):
            "\(file) is not a valid keyplane state file: \(reason); restore it from git"
        case let .unsupportedVersion(found, readable):
            "the state is format version \(found), but this keyplane reads version\(readable.count == 1 ? "" : "s") \(readable.map(String.init).joined(separator: ", ")); nothing was written. Use the keyplane release that wrote it, or a newer one"
        case let .rollback(serial, committed, commit):
            "the state on disk has serial \(serial), older than serial \(committed) committed at \(commit): this looks like a rollback to an old copy; nothing was written. Restore the committed state (`git checkout -- state/`) instead of an old one"
        case let .lineageMismatch(lineage, committed, commit):
            "the state on disk has lineage \(lineage), but the state committed at \(commit) has lineage \(committed): it is a different state, not a newer version of this one; nothing was written. Restore the committed state (`git checkout -- state/`)"
        case let .forked(serial, commit):
            "the state on disk has the same serial \(serial) as the one committed at \(commit) but different content: two writers diverged; nothing was written. Keep the committed state (`git checkout -- state/`) and re-apply"
        case let .changedSinceOpened(opened, found):
            "the state changed on disk while keyplane had it open (serial \(opened) then \(found)); nothing was written. Run the command again"
        case .unknownAddress(let address):
            "the state has no key at \(address); `keyplane secrets list` shows the addresses it has"
        case .recipientExists(let id):
            "\(id) is already a recipient; nothing was changed"
        case .recipientNotFound(let id):
            "\(id) is not a recipient of this state; `keyplane state recipients list` shows them"
        case .lastRecipient:
            "that is the state's only recipient; add another one first, or nobody could open the state"
        case .passphraseNeededToRekey:
            "the state has a passphrase recipient, and a new data key must be wrapped for it too: set KEYPLANE_PASSPHRASE (or --passphrase-file) as well, or remove the passphrase recipient"
        case .malformedIdentity:
            "the identity is not a keyplane identity (one line `KEYPLANE-IDENTITY-1-` and 64 hex digits); create one with `keyplane state keygen`"
        case let .io(path, message):
            "cannot access \(path): \(message)"
        case .crypto(let message):
            "a cryptographic operation failed: \(message)"
        }
    }
}
