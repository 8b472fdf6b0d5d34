import StateModel
public import Foundation
import Cryptography

/// The sealed state in one folder of a repository (usually `state/`): creates it, opens it with a
/// credential, and writes it back. A value; it holds no open handles.
///
///     <folder>/keyplane-state.json     header: version, lineage, serial, recipients, MAC
///     <folder>/clients/<client>.json   one file per client: its keys, secrets sealed one by one
public struct StateStore: Sendable {
    /// The state folder.
    public let folder: URL
    /// Whether `open` compares with the state committed at HEAD of the enclosing git repository
    /// to refuse rollbacks. On by default; off only where there is no repository to compare with.
    public var checksGitHistory: Bool
    /// How the folder is named in messages (for example `state`).
    public var displayName: String

    public init(folder: URL, checksGitHistory: Bool = true, displayName: String? = nil) {
        self.folder = folder.standardizedFileURL
        self.checksGitHistory = checksGitHistory
        self.displayName = displayName ?? folder.lastPathComponent
    }

    var headerURL: URL { folder.appendingPathComponent(StateFormat.headerFile) }
    var clientsURL: URL { folder.appendingPathComponent(StateFormat.clientsFolder, isDirectory: true) }

    /// Whether a state exists in the folder.
    public var exists: Bool { FileManager.default.fileExists(atPath: headerURL.path) }

    /// Creates an empty state for `recipients` (at least one) and writes it with serial 1.
    public func initialize(recipients: [NewRecipient], lineage: String = UUID().uuidString.lowercased()) throws(StateError) -> OpenedState {
        guard !exists else { throw StateError.alreadyInitialized(folder: displayName) }
        guard !recipients.isEmpty else { throw StateError.lastRecipient }
        var passphrase: Passphrase?
        for case .passphrase(let given, _) in recipients { passphrase = given }
        var opened: OpenedState
        do {
            let dataKey = try DataKey.generate()
            let state = State(lineage: lineage, serial: 0, entries: [:])
            opened = OpenedState(state: state, recipients: [], dataKey: dataKey, credentials: Credentials(passphrase: passphrase), serialOnDisk: nil)
        } catch {
            throw StateError.crypto("\(error)")
        }
        for recipient in recipients { try opened.addRecipient(recipient) }
        try write(&opened)
        return opened
    }
}
