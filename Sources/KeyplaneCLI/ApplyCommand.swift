import ArgumentParser
import Domain
import Engine
import Foundation
import Git
import Manifest
import Plan
import PlanReport
import SealedState
import Status

/// `keyplane apply [FILE]`: carries a plan out, seals every new secret, and commits the state.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Carry out a plan: create, update, replace and delete keys, seal new secrets, commit the state.",
        discussion: """
            With FILE, applies exactly the plan saved by `keyplane plan --out FILE`, and refuses it if the \
            manifests, the state or a live key changed since (saying what changed). Without FILE, makes a \
            fresh plan, shows it, and asks for confirmation unless --auto-approve is given.

            Before any API call, apply takes a lock held in git (ref refs/keyplane/apply-lock), so a second \
            apply is refused and told who holds it. Every new secret is sealed and written to a journal \
            (.keyplane/journal.jsonl) before the next step, so an interrupted apply loses nothing: the next \
            run recovers from the journal. The new state and STATUS.md are committed through git with the \
            plan summary and the trailers Keyplane-Plan and Keyplane-Version.

            Exit codes: 0 success; 1 error, refusal, or some changes failed (what succeeded is committed; \
            run apply again to converge).
            """)

    @Argument(help: ArgumentHelp("A plan saved with `keyplane plan --out FILE`.", valueName: "file"))
    var planFile: String?

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions
    @OptionGroup var api: APIOptions

    @Flag(name: .long, help: "Apply a fresh plan without asking for confirmation.")
    var autoApprove = false

    @Option(name: .long, help: "How many API requests may run at once.")
    var parallelism: Int = 8

    @Flag(name: .long, help: "Allow deleting or disabling a client's last active production key.")
    var allowLastProductionKey = false

    @Option(name: .long, help: ArgumentHelp(
        "After committing, push the branch to REMOTE (a remote's name, a URL or a path), but only if the remote's branch is still where this apply started from; if it moved, keep the commit locally and exit 1.",
        valueName: "remote"))
    var push: String?

    @Option(name: .long, help: ArgumentHelp("Apply only this key address (fresh plans only); may be repeated.", valueName: "address"))
    var target: [String] = []

    @Option(name: .long, help: ArgumentHelp("Replace this key now with a new secret (fresh plans only); may be repeated.", valueName: "address"))
    var replace: [String] = []

    func validate() throws {
        guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1") }
        if planFile != nil && !(target.isEmpty && replace.isEmpty) {
            throw ValidationError("--target and --replace shape a fresh plan; a saved plan already says what it does. Pass them to `keyplane plan --out FILE` instead")
        }
    }

    func run() async throws {
        try ApplyPush.check(push, repository: repository)
        let options = try PlanOptions(
            targets: Set(target.map { try PlanCommand.address($0, option: "--target") }),
            replace: Set(replace.map { try PlanCommand.address($0, option: "--replace") }),
            allowLastProductionKey: allowLastProductionKey)
        try await ApplyRunner(
            repository: repository, credentials: credentials, api: api, planFile: planFile, autoApprove: autoApprove,
            parallelism: parallelism, options: options, push: push
        ).run()
    }

    /// The commit author: KEYPLANE_AUTHOR_NAME/EMAIL, else git's own variables, else keyplane.
    static func author(environment: [String: String] = ProcessInfo.processInfo.environment) -> Signature {
        Signature(
            name: environment["KEYPLANE_AUTHOR_NAME"] ?? environment["GIT_AUTHOR_NAME"] ?? "keyplane",
            email: environment["KEYPLANE_AUTHOR_EMAIL"] ?? environment["GIT_AUTHOR_EMAIL"] ?? "keyplane@localhost",
            date: Date())
    }
}


/// The body of `apply` (and of `import`, which applies an adoption): everything after the options.
struct ApplyRunner {
    let repository: RepositoryOptions
    let credentials: CredentialOptions
    let api: APIOptions
    var planFile: String?
    var autoApprove: Bool
    var parallelism: Int
    var options: PlanOptions
    /// Keys to adopt by hash (`keyplane import`).
    var adoptions: [KeyAddress: String] = [:]
    /// Where to push the apply commit (`apply --push`), if anywhere.
    var push: String? = nil

    func run() async throws {
        var standardError = StandardError()
        let now = Clock.now()
        let session = PlanSession(repository: repository, credentials: credentials, api: api)
        let saved = try planFile.map { path -> PlanDocument in
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read the plan file \(path)") }
            do { return try PlanDocument.decode(data) } catch { throw CommandFailure("\(path): \(error)") }
        }
        let (manifest, files) = try session.loadManifest(now: now)
        let git: GitRepository
        do { git = try GitRepository.open(at: repository.rootURL) } catch {
            throw CommandFailure("apply commits the state through git, but \(repository.repo) is not in a git repository: \(error)")
        }
        let location = StateLocation(repository)
        guard location.store.exists else {
            throw CommandFailure("this repository has no state yet: create it with `keyplane state init --passphrase` (or --recipient kp1…), then apply")
        }
        let lock: ObjectID
        do { lock = try ApplyLock.acquire(in: git, who: ApplyLock.describeThisRun(), now: Date()) } catch let held as ApplyLock.Held {
            throw CommandFailure(held.description)
        }
        do {
            try await runLocked(session: session, manifest: manifest, files: files, saved: saved, git: git, location: location,
                                now: now, standardError: &standardError)
            try ApplyLock.release(lock, in: git)
        } catch {
            try? ApplyLock.release(lock, in: git)
            throw error
        }
    }

    private func runLocked(session: PlanSession, manifest: Manifest, files: [String], saved: PlanDocument?, git: GitRepository,
                           location: StateLocation, now: Date, standardError: inout StandardError) async throws {
        let journalURL = session.journalURL
        // A journal left behind means an earlier apply stopped before its commit: commit this time.
        let interrupted = FileManager.default.fileExists(atPath: journalURL.path)

        // The state is opened while OpenRouter is reached and the management key checked. With no
        // journal to recover, nothing changes the keys before the refresh, so the first page of
        // the listing is asked for along with the check. A state that cannot be opened is
        // reported rather than anything the connection ran into.
        let given = try credentials.credentials()
        let opening = Task.detached { try location.open(with: given) }
        let connecting = Task { [api, parallelism, root = repository.rootURL] in
            try await APIConnection.open(api, root: root, maxConcurrentRequests: parallelism, prefetchingFirstPage: !interrupted)
        }
        var opened: OpenedState
        do { opened = try await opening.value } catch {
            connecting.cancel()
            if let connection = try? await connecting.value { await connection.close() }
            throw error
        }
        let connection = try await connecting.value
        defer { Task { await connection.close() } }
        let filesBefore = try location.store.filePaths(relativeTo: repository.rootURL)
        let recovered = try await JournalRecovery.recover(journalAt: journalURL, into: &opened, client: connection.client, now: now)
        var recoveredNotes = recovered
        if interrupted && recovered.isEmpty {
            recoveredNotes.append("finished an interrupted apply: its journal was left behind, and this commit records the state it wrote")
        }
        for note in recoveredNotes { print("keyplane: \(note)", to: &standardError) }

        let live = try await session.refreshLive(connection)
        let fresh = try session.plan(manifest: manifest, files: files, state: PlanSession.PriorState(opened), live: live,
                                     managementLabel: connection.managementKeyLabel, now: now, options: options, adoptions: adoptions)
        let document: PlanDocument
        if let saved {
            // Recovery put keys into the state that the saved plan may not know: applying it could
            // create them again. Only a plan made after the recovery is safe.
            guard recovered.isEmpty else {
                throw CommandFailure("""
                    an interrupted apply was recovered from its journal before this saved plan could run, and the plan \
                    does not know the keys it recovered; nothing was applied. Run `keyplane apply` without a plan file \
                    to commit the recovery, then make a new plan with `keyplane plan --out FILE`.
                    """)
            }
            let changes = saved.plan.binding.changes(comparedWith: fresh.plan.binding)
            guard changes.isEmpty else {
                throw CommandFailure("the saved plan is stale and was not applied. Since it was made:\n"
                    + changes.map { "  - \($0)" }.joined(separator: "\n") + "\nMake a new plan with `keyplane plan --out FILE` and review it.")
            }
            document = saved
        } else {
            document = fresh
            print(PlanText.render(document, color: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil), terminator: "")
            if document.plan.hasChanges && !autoApprove {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw CommandFailure("apply needs approval: review the plan above, then run `keyplane apply --auto-approve`, or save it with `keyplane plan --out FILE` and run `keyplane apply FILE`")
                }
                print("\nApply these changes? Only 'yes' is accepted: ", terminator: "")
                guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else { throw CommandFailure("apply cancelled; nothing was changed") }
            }
        }
        guard document.plan.violations.isEmpty else {
            throw CommandFailure("the plan is refused by \(Plural.count(document.plan.violations.count, "guard")): \(document.plan.violations.map(\.message).joined(separator: "; "))")
        }

        let result: ApplyResult
        if document.plan.hasChanges {
            let journal = try ApplyJournal(url: journalURL)
            let tty = isatty(STDERR_FILENO) == 1
            let total = document.plan.actions.count
            let counter = ProgressCounter()
            let applier = Applier(client: connection.client, journal: journal, sealer: opened, now: now, parallelism: parallelism) { line in
                let done = counter.next()
                var err = StandardError()
                if tty {
                    print("\r\u{1B}[K[\(done)/\(total)] \(line)", terminator: done == total ? "\n" : "", to: &err)
                } else {
                    print("[\(done)/\(total)] \(line)", to: &err)
                }
            }
            result = await applier.apply(document.plan)
        } else {
            result = ApplyResult()
        }
        let unchanged = opened.state
        try StateUpdate.fold(result, into: &opened, manifest: manifest, now: now)
        if !document.plan.hasChanges && !interrupted && opened.state == unchanged {
            print("Nothing to apply: the keys match the manifests.")
            return
        }
        // STATUS.md is rendered from the new entries while the state is written: writing does not
        // change them.
        let after = result.liveKeys(updating: live)
        let status = StatusSnapshot(
            now: now, manifest: manifest, entries: opened.state.sortedEntries,
            live: Dictionary(after.map { ($0.hash, $0) }, uniquingKeysWith: { a, _ in a }),
            unmanaged: after.filter { key in document.plan.unmanaged.contains { $0.hash == key.hash } },
            drift: [], refreshedAt: now)
        let statusMarkdown = Task.detached { StatusMarkdown.render(status) }
        try location.write(&opened)
        try AtomicWrite.write(Data(await statusMarkdown.value.utf8), to: repository.rootURL.appendingPathComponent("STATUS.md"))

        let filesAfter = try location.store.filePaths(relativeTo: repository.rootURL)
        let message = ApplyCommitMessage.make(document: document, result: result, recovered: recoveredNotes, toolVersion: KeyplaneVersion.current)
        let paths = try RepositoryPaths(root: repository.rootURL, git: git)
        let commit = try git.commit(paths: Set(filesBefore + filesAfter + ["STATUS.md"]).sorted().map(paths.inGit),
                                    message: message, author: ApplyCommand.author())
        try ApplyJournal.remove(at: journalURL)

        for note in result.notes { print("keyplane: \(note)", to: &standardError) }
        let applied = document.plan.actions.count - result.failures.count
        print("Applied \(Plural.count(applied, "change")) and committed \(commit.short): \(message.split(separator: "\n").first ?? "").")
        if let push { try ApplyPush(remote: push).push(commit, in: git) }
        if !result.failures.isEmpty {
            throw CommandFailure("\(Plural.count(result.failures.count, "change")) failed:\n"
                + result.failures.map { "  ✗ \($0.address): \($0.message)" }.joined(separator: "\n")
                + "\nWhat succeeded is committed. Run `keyplane apply` again to finish.")
        }
    }

}

/// Counts finished changes for progress lines, from any task.
final class ProgressCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func next() -> Int { lock.withLock { count += 1; return count } }
}
