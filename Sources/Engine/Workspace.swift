public import Foundation
public import SealedState

/// A keyplane repository as the operations see it: where the manifests, the sealed state, the
/// journal and STATUS.md are, and what opens the state. The command builds it from its options;
/// the operations never look at the command line or the environment.
public struct Workspace: Sendable {
    /// The repository root.
    public var root: URL
    /// The manifests folder, as diagnostics name it: relative to the working directory, such as
    /// `manifests` when the command runs at the root.
    public var manifestsPath: String
    /// The manifests folder relative to the root, such as `manifests`.
    public var manifestsFolder: String
    /// The sealed state.
    public var state: StateStore
    /// What opens the state.
    public var credentials: Credentials
    /// The folder, under the root, that holds the journal and the embedded simulator's files.
    public static let privateFolder = ".keyplane"

    public init(root: URL, manifestsPath: String, manifestsFolder: String = "manifests", state: StateStore,
                credentials: Credentials) {
        self.root = root
        self.manifestsPath = manifestsPath
        self.manifestsFolder = manifestsFolder
        self.state = state
        self.credentials = credentials
    }

    /// Apply's write-ahead journal, present only while an apply runs or after one was interrupted.
    public var journalURL: URL {
        root.appendingPathComponent(Self.privateFolder).appendingPathComponent("journal.jsonl")
    }

    /// The generated status page that apply commits.
    public var statusURL: URL { root.appendingPathComponent("STATUS.md") }

    /// Opens the state, adding what was being done to any refusal.
    func openState() throws -> OpenedState {
        do { return try state.open(with: credentials) } catch {
            throw OperationFailure("cannot open the state: \(error)")
        }
    }

    /// Writes the state back, adding context to any failure.
    func write(_ opened: inout OpenedState) throws {
        do { try state.write(&opened) } catch {
            throw OperationFailure("cannot write the state: \(error)")
        }
    }
}
