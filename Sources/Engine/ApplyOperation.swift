import Domain
import Foundation
import Git
import FileSystem
import Manifest
import OpenRouterClient
import Parallel
import Plan
import PlanFile
import SealedState
import StateModel
import Status

/// Carries out a plan: takes the apply lock, recovers an interrupted apply from its journal,
/// refreshes, plans (or checks that a saved plan still holds), enforces the guards, asks for
/// approval, executes the changes with bounded parallelism behind the journal, folds the results
/// into the state, writes STATUS.md, commits exactly its own files, and pushes.
public struct ApplyOperation: Sendable {
    public var workspace: Workspace
    public var connector: any APIConnector
    public var request: ApplyRequest

    public init(workspace: Workspace, connector: any APIConnector, request: ApplyRequest) {
        self.workspace = workspace
        self.connector = connector
        self.request = request
    }

    /// The report of what was applied. Throws after reporting through `observer.applied` when some
    /// changes failed: what succeeded is committed, and a rerun converges.
    @discardableResult
    public func run(observer: any OperationObserver) async throws -> ApplyReport {
        let now = request.plan.now
        if let push = request.push { try ApplyPush.check(push, root: workspace.root) }
        let inputs = try await Inputs.manifests(of: workspace, now: now, observer: observer)
        let git: GitRepository
        do { git = try GitRepository.open(at: workspace.root) } catch {
            throw OperationFailure("apply commits the state through git, but \(workspace.root.path) is not in a git repository: \(error)")
        }
        guard workspace.state.exists else {
            throw OperationFailure("this repository has no state yet: create it with `keyplane state init --passphrase` (or --recipient kp1…), then apply")
        }
        let uncommitted = try uncommittedManifests(in: git)
        if !uncommitted.isEmpty { observer.note(uncommitted) }
        let lock: ObjectID
        do { lock = try ApplyLock.acquire(in: git, who: request.holder, now: Date()) } catch let held as ApplyLock.Held {
            throw OperationFailure(held.description)
        }
        do {
            let report = try await runLocked(inputs: inputs, git: git, uncommitted: uncommitted, observer: observer)
            try ApplyLock.release(lock, in: git)
            return report
        } catch {
            try? ApplyLock.release(lock, in: git)
            throw error
        }
    }

    /// A warning when the manifests in the working tree differ from HEAD: apply commits only the
    /// state and STATUS.md, so the state would be in git without the manifests that produced it.
    /// Empty when they match.
    private func uncommittedManifests(in git: GitRepository) throws -> String {
        let folder = try RepositoryPaths(root: workspace.root, git: git).inGit(workspace.manifestsFolder)
        let changed = try git.pathsChangedSinceHead(under: folder)
        guard !changed.isEmpty else { return "" }
        let shown = changed.prefix(5).joined(separator: ", ") + (changed.count > 5 ? " and \(changed.count - 5) more" : "")
        return "the manifests differ from the last commit (\(shown)); this apply commits only the state and STATUS.md, so commit the manifests too, or the state in git will not match the manifests that produced it"
    }

    private func runLocked(inputs: Inputs, git: GitRepository, uncommitted: String,
                           observer: any OperationObserver) async throws -> ApplyReport {
        let journalURL = workspace.journalURL
        // A journal left behind means an earlier apply stopped before its commit: commit this time.
        let interrupted = FileManager.default.fileExists(atPath: journalURL.path)

        // The state is opened while OpenRouter is reached and the management key checked. With no
        // journal to recover, nothing changes the keys before the refresh, so the first page of
        // the listing is asked for along with the check. A state that cannot be opened is
        // reported rather than anything the connection ran into.
        let opening = Task { [workspace] in try await ParallelWork.offPool { try workspace.openState() } }
        let connecting = Task { [connector, parallelism = request.parallelism] in
            try await connector.open(maxConcurrentRequests: parallelism, prefetchingWorkspaces: true)
        }
        var opened: OpenedState
        do { opened = try await opening.value } catch {
            connecting.cancel()
            if let connection = try? await connecting.value { await connection.close() }
            throw error
        }
        let connection = try await connecting.value
        do {
            let report = try await runConnected(inputs: inputs, opened: &opened, connection: connection, git: git,
                                                interrupted: interrupted, uncommitted: uncommitted, observer: observer)
            await connection.close()
            return report
        } catch {
            await connection.close()
            throw error
        }
    }

    private func runConnected(inputs: Inputs, opened: inout OpenedState, connection: APIConnection, git: GitRepository,
                              interrupted: Bool, uncommitted: String, observer: any OperationObserver) async throws -> ApplyReport {
        let now = request.plan.now
        let journalURL = workspace.journalURL
        do { try opened.verifySealedSecrets() } catch {
            throw OperationFailure("""
                the state holds a sealed secret that does not authenticate (\(error)): it was altered or swapped, \
                although the state's MAC matches. Nothing was applied. Restore \(workspace.state.displayName)/ from a \
                commit you trust, and find out who holds the state's data key.
                """)
        }
        let filesBefore = try workspace.state.filePaths(relativeTo: workspace.root)
        let recovered = try await JournalRecovery.recover(journalAt: journalURL, into: &opened, client: connection.client, now: now)
        var recoveredNotes = recovered
        if interrupted && recovered.isEmpty {
            recoveredNotes.append("finished an interrupted apply: its journal was left behind, and this commit records the state it wrote")
        }
        for note in recoveredNotes { observer.note(note) }

        let account = try await Refreshed.account(from: connection)
        let live = account.keys
        let refreshed = Refreshed(account: account, managementKeyLabel: connection.managementKeyLabel,
                                  isSimulated: connection.isSimulated)
        let prior = PriorState(opened, forWriting: true)
        let fresh = try await ParallelWork.offPool { [request, workspace] in
            try PlanOperation.plan(inputs, state: prior, refreshed: refreshed, request: request.plan, workspace: workspace)
        }
        let document = try await choosePlan(fresh: fresh, recovered: recovered, observer: observer)
        guard document.plan.violations.isEmpty else {
            let count = document.plan.violations.count
            throw OperationFailure("the plan is refused by \(count) guard\(count == 1 ? "" : "s"): \(document.plan.violations.map(\.message).joined(separator: "; "))")
        }

        var result = ApplyResult()
        if document.plan.hasChanges {
            let journal = try ApplyJournal(url: journalURL)
            let total = document.plan.actions.count
            let counter = Counter()
            let applier = Applier(client: connection.client, journal: journal, sealer: opened, now: now,
                                  parallelism: request.parallelism)
            result = await applier.apply(document.plan) { event in
                observer.changeFinished(event, done: counter.next(), total: total)
            }
        }
        let unchanged = opened.state
        try StateUpdate.fold(result, into: &opened, manifest: inputs.manifest, now: now)
        var report = ApplyReport(result, recovered: recoveredNotes)
        if !document.plan.hasChanges && !interrupted && opened.state == unchanged {
            observer.applied(report)
            return report
        }
        // STATUS.md is rendered from the new entries while the state is written: writing does not
        // change them.
        let after = result.liveKeys(updating: live)
        let unmanagedHashes = Set(document.plan.unmanaged.map(\.hash))
        let status = StatusSnapshot(
            now: now, manifest: inputs.manifest, entries: opened.state.sortedEntries,
            live: Dictionary(after.map { ($0.hash, $0) }, uniquingKeysWith: { a, _ in a }),
            unmanaged: after.filter { unmanagedHashes.contains($0.hash) }, drift: [], refreshedAt: now)
        let statusMarkdown = Task { await ParallelWork.offPool { StatusMarkdown.render(status) } }
        try workspace.write(&opened)
        do {
            try AtomicFile.write(Array(await statusMarkdown.value.utf8), to: workspace.statusURL)
        } catch {
            throw OperationFailure("cannot write STATUS.md: \(error)")
        }

        let filesAfter = try workspace.state.filePaths(relativeTo: workspace.root)
        let message = ApplyCommitMessage.make(document: document, result: result,
                                              recovered: recoveredNotes + (uncommitted.isEmpty ? [] : [uncommitted]),
                                              toolVersion: request.plan.toolVersion)
        let paths = try RepositoryPaths(root: workspace.root, git: git)
        let commit = try git.commit(paths: Set(filesBefore + filesAfter + ["STATUS.md"]).sorted().map(paths.inGit),
                                    message: message, author: request.author)
        try ApplyJournal.remove(at: journalURL)
        report.commit = commit.short
        report.commitSubject = String(message.split(separator: "\n").first ?? "")
        var pushFailure: (any Error)?
        if let push = request.push {
            do {
                try ApplyPush(remote: push).push(commit, in: git)
                report.pushedTo = push
            } catch {
                pushFailure = error
            }
        }
        observer.applied(report)
        if let pushFailure { throw pushFailure }
        if !result.failed.isEmpty {
            throw OperationFailure("\(result.failed.count) change\(result.failed.count == 1 ? "" : "s") failed:\n"
                + result.failed.map { "  ✗ \($0.change.resource): \($0.message)" }.joined(separator: "\n")
                + (result.notStarted.isEmpty ? "" : "\n\(result.notStarted.count) not started: "
                    + result.notStarted.map(\.resource.description).joined(separator: ", "))
                + "\nWhat succeeded is committed. Run `keyplane apply` again to finish.")
        }
        return report
    }

    /// The plan to carry out: the saved one if it still holds, else the fresh one once approved.
    private func choosePlan(fresh: PlanDocument, recovered: [String], observer: any OperationObserver) async throws
        -> PlanDocument {
        guard let saved = request.saved else {
            observer.planned(fresh)
            if fresh.plan.hasChanges && !request.autoApprove {
                switch await observer.approve(fresh) {
                case .approved: break
                case .declined: throw OperationFailure("apply cancelled; nothing was changed")
                case .cannotAsk:
                    var advice = "review the plan above, then run `\(request.approveWith)`"
                    if request.plan.adoptions.isEmpty {
                        advice += ", or save it with `keyplane plan --out FILE` and run `keyplane apply FILE`"
                    }
                    throw OperationFailure("apply needs approval: \(advice)")
                }
            }
            return fresh
        }
        // Recovery put keys into the state that the saved plan may not know: applying it could
        // create them again. Only a plan made after the recovery is safe.
        guard recovered.isEmpty else {
            throw OperationFailure("""
                an interrupted apply was recovered from its journal before this saved plan could run, and the plan \
                does not know the keys it recovered; nothing was applied. Run `keyplane apply` without a plan file \
                to commit the recovery, then make a new plan with `keyplane plan --out FILE`.
                """)
        }
        let changes = saved.plan.binding.changes(comparedWith: fresh.plan.binding)
        guard changes.isEmpty else {
            throw OperationFailure("the saved plan is stale and was not applied. Since it was made:\n"
                + changes.map { "  - \($0)" }.joined(separator: "\n") + "\nMake a new plan with `keyplane plan --out FILE` and review it.")
        }
        return saved
    }
}

/// Counts finished changes for progress, from any task.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func next() -> Int { lock.withLock { count += 1; return count } }
}
