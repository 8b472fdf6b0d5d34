import Domain
import Foundation
import Manifest
import Parallel
import Plan
import PlanFile
import SealedState
import StateModel

/// What an operation works from, gathered in the order that keeps bad input harmless: the
/// manifests first (any error stops here, before any API call; the state is only read meanwhile),
/// then the state, then the live keys.
struct Inputs: Sendable {
    var manifest: Manifest
    /// The manifest files read, relative to the manifests folder's parent as the loader reports them.
    var files: [String]

    /// Loads the manifests, reporting their diagnostics; throws when they have errors.
    static func manifests(of workspace: Workspace, now: Date, observer: any OperationObserver) async throws -> Inputs {
        let path = workspace.manifestsPath
        let result = await ParallelWork.offPool { ManifestLoader.load(path: path, now: now) }
        observer.diagnostics(result.diagnostics)
        guard let manifest = result.manifest else {
            throw OperationFailure(
                "the manifests have \(result.errors.count) error\(result.errors.count == 1 ? "" : "s"); fix them first (keyplane validate \(workspace.manifestsPath))",
                alreadyReported: true)
        }
        return Inputs(manifest: manifest, files: result.files)
    }
}

/// The state as opened to plan from, with its entries in address order. Sorting 10,000 entries
/// takes a noticeable time, so it is done on the task that opens the state, while the manifests
/// load and the live keys are listed. A plan never writes the state, so this copy drops what is
/// kept to speed up writes.
struct PriorState: Sendable {
    var opened: OpenedState
    var sortedEntries: [StateEntry]

    init(_ opened: OpenedState, forWriting: Bool = false) {
        self.opened = opened
        if !forWriting { self.opened.forgetFileCopies() }
        sortedEntries = opened.state.sortedEntries
    }
}

extension Workspace {
    /// Loads the manifests while the state is opened on other cores: both only read, and both are
    /// work for the processor. The manifests' errors are reported first, as if the state had not
    /// been touched; the state's own refusal comes from awaiting the returned task.
    func manifestsWhileOpeningState(now: Date, observer: any OperationObserver) async throws
        -> (inputs: Inputs, state: Task<PriorState?, any Error>) {
        let opening = Task { [self] () async throws -> PriorState? in
            guard state.exists else { return nil }
            return try await ParallelWork.offPool { PriorState(try openState()) }
        }
        do {
            return (try await Inputs.manifests(of: self, now: now, observer: observer), opening)
        } catch {
            _ = try? await opening.value
            throw error
        }
    }

    /// A plan made while an interrupted apply's journal is pending would not know the keys that
    /// run created, and would create them again: refuse, and say how to recover.
    func refusePendingJournal() throws {
        guard FileManager.default.fileExists(atPath: journalURL.path) else { return }
        throw OperationFailure("""
            an interrupted apply left its journal in \(Self.privateFolder)/journal.jsonl: the keys it created are \
            not in the state yet, so a plan now would be wrong. Run `keyplane apply` to recover them first (after \
            `keyplane unlock` if that run's lock is still held); it shows what it recovered and commits it.
            """)
    }
}

/// The live side of a plan, from one connection.
struct Refreshed: Sendable {
    var account: LiveAccount
    var managementKeyLabel: String
    var isSimulated: Bool

    /// Every key in every workspace.
    var live: [LiveKey] { account.keys }

    /// Each workspace's slug by its id, to name where an unmanaged key lives.
    var workspaceSlugs: [String: String] {
        Dictionary(account.workspaces.map { ($0.id, $0.values.slug) }, uniquingKeysWith: { a, _ in a })
    }

    /// The whole account, with the failure put in words.
    static func account(from connection: APIConnection) async throws -> LiveAccount {
        do {
            return try await Refresh.account(using: connection.client, workspaces: connection.workspaces)
        } catch {
            throw OperationFailure("cannot refresh the account from \(connection.target): \(error)")
        }
    }

    /// Lists the live keys while the state is still being opened. A state that cannot be opened
    /// wins over any refresh error, and stops the listing.
    static func whileOpening(_ opening: Task<PriorState?, any Error>, connector: any APIConnector) async throws
        -> (state: PriorState?, refreshed: Refreshed) {
        let listing = Task { () async throws -> Refreshed in
            let connection = try await connector.open(maxConcurrentRequests: 8, prefetchingWorkspaces: true)
            do {
                let account = try await account(from: connection)
                await connection.close()
                return Refreshed(account: account, managementKeyLabel: connection.managementKeyLabel,
                                 isSimulated: connection.isSimulated)
            } catch {
                await connection.close()
                throw error
            }
        }
        let state: PriorState?
        do { state = try await opening.value } catch {
            listing.cancel()
            _ = try? await listing.value
            throw error
        }
        return (state, try await listing.value)
    }
}
