import Foundation
import SealedState

/// The store for the repository options' state folder, and the helpers every state and secrets
/// command shares.
struct StateLocation {
    let store: StateStore

    init(_ options: RepositoryOptions) {
        store = StateStore(folder: options.stateURL, displayName: options.state)
    }

    /// Opens the state with the credentials, adding the context to any refusal.
    func open(_ credentials: CredentialOptions) throws -> OpenedState {
        try open(with: try credentials.credentials())
    }

    /// Opens the state with credentials already gathered (a passphrase already asked for).
    func open(with given: Credentials) throws -> OpenedState {
        try CommandFailure.context("cannot open the state") { try store.open(with: given) }
    }

    /// Writes it back, adding context to any failure.
    func write(_ opened: inout OpenedState) throws {
        do { try store.write(&opened) } catch {
            throw CommandFailure("cannot write the state: \(error)")
        }
    }
}
