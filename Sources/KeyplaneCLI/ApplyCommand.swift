import ArgumentParser
import Domain
import Engine
import PlanFile
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

    @Option(name: .long, help: "Output format: text, or json (one JSON object per line for each event).")
    var format: ApplyFormat = .text

    func run() async throws {
        let options = try PlanOptions(
            targets: Set(target.map { try PlanCommand.address($0, option: "--target") }),
            replace: Set(replace.map { try PlanCommand.address($0, option: "--replace") }),
            allowLastProductionKey: allowLastProductionKey)
        let saved = try planFile.map(ShowCommand.read)
        try await Self.apply(
            repository: repository, credentials: credentials, api: api, format: format,
            request: ApplyRequest(
                saved: saved,
                plan: PlanRequest(options: options, now: Clock.now(), toolVersion: KeyplaneVersion.current),
                autoApprove: autoApprove, parallelism: parallelism, push: push, author: Self.author(),
                holder: ApplyLock.describeThisRun()))
    }

    /// Runs an apply operation with the view `format` picks (also for `import`).
    static func apply(repository: RepositoryOptions, credentials: CredentialOptions, api: APIOptions, format: ApplyFormat,
                      request: ApplyRequest) async throws {
        let operation = ApplyOperation(workspace: try repository.workspace(credentials), connector: repository.connector(api),
                                       request: request)
        let observer: any OperationObserver = format == .json ? JSONLinesView() : HumanView()
        _ = try await CommandFailure.reporting { try await operation.run(observer: observer) }
    }

    /// The commit author: KEYPLANE_AUTHOR_NAME/EMAIL, else git's own variables, else keyplane.
    static func author(environment: [String: String] = ProcessInfo.processInfo.environment) -> Signature {
        Signature(
            name: environment["KEYPLANE_AUTHOR_NAME"] ?? environment["GIT_AUTHOR_NAME"] ?? "keyplane",
            email: environment["KEYPLANE_AUTHOR_EMAIL"] ?? environment["GIT_AUTHOR_EMAIL"] ?? "keyplane@localhost",
            date: Date())
    }
}


/// The formats `apply` can report in.
enum ApplyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
