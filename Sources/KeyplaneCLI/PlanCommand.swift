import ArgumentParser
import Domain
import Engine
import PlanFile
import Foundation
import Manifest
import Plan
import PlanReport

/// `keyplane plan`: what applying the manifests would do to live keys and money.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would create, update, replace or delete, and what it means for spend.",
        discussion: """
            Compares the manifests (desired) with the sealed state (what keyplane recorded) and the live \
            keys in OpenRouter (refreshed). Drift, settings changed outside keyplane, is shown apart from \
            the planned changes, which put it back. Keys that are neither in the state nor in the manifests \
            are listed as unmanaged and never touched.

            Guards refuse a plan that deletes a protected key, deletes or disables a client's last active \
            production key (unless --allow-last-production-key), or would put a management key into the \
            state. Every change that widens spend is flagged in every format.

            Exit codes: 0 success; 1 error or refused plan; with --detailed-exitcode, 0 means no changes \
            and 2 means there are changes.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions
    @OptionGroup var api: APIOptions

    @Option(name: .long, help: ArgumentHelp("Save the plan to this file, for `keyplane apply FILE`.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: "Output format: text, markdown (for a pull-request comment) or json.")
    var format: PlanFormat = .text

    @Flag(name: .long, help: "Exit 0 when there are no changes, 2 when there are, 1 on error.")
    var detailedExitcode = false

    @Option(name: .long, help: ArgumentHelp("Refresh live keys from OpenRouter (default true).", valueName: "bool"))
    var refresh: Bool = true

    @Option(name: .long, help: ArgumentHelp("Plan only this key address; may be repeated.", valueName: "address"))
    var target: [String] = []

    @Option(name: .long, help: ArgumentHelp("Replace this key now with a new secret (rotate it); may be repeated.", valueName: "address"))
    var replace: [String] = []

    @Flag(name: .long, help: "Allow deleting or disabling a client's last active production key.")
    var allowLastProductionKey = false

    func run() async throws {
        let options = try PlanOptions(
            targets: Set(target.map { try Self.address($0, option: "--target") }),
            replace: Set(replace.map { try Self.address($0, option: "--replace") }),
            allowLastProductionKey: allowLastProductionKey)
        let operation = PlanOperation(
            workspace: try repository.workspace(credentials), connector: repository.connector(api),
            request: PlanRequest(options: options, refresh: refresh, now: Clock.now(), toolVersion: KeyplaneVersion.current))
        let document = try await CommandFailure.reporting { try await operation.run(observer: HumanView()) }

        print(try format.render(document), terminator: "")

        if !document.plan.violations.isEmpty {
            throw CommandFailure("the plan is refused by \(Plural.count(document.plan.violations.count, "guard")); nothing was saved or changed")
        }
        if let out {
            try AtomicWrite.write(try document.encoded(), to: URL(fileURLWithPath: out))
            var standardError = StandardError()
            print("Saved the plan to \(out). Apply exactly this plan with: keyplane apply \(out)", to: &standardError)
        }
        if detailedExitcode && document.plan.hasChanges { throw ExitCode(2) }
    }

    static func address(_ text: String, option: String) throws -> KeyAddress {
        guard let address = KeyAddress(text) else {
            throw ValidationError("\(option) \(text) is not a key address: write client/key or client/user/key")
        }
        return address
    }
}

/// The formats `plan` can print.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json

    /// The line between pull-request comments when a markdown plan is split.
    static let markdownSplitMarker = "<!-- keyplane: next comment -->"

    /// `document` in this format, for standard output: colour only on a terminal without NO_COLOR.
    func render(_ document: PlanDocument) throws -> String {
        switch self {
        case .text:
            let color = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            return PlanText.render(document, color: color)
        case .markdown:
            return PlanMarkdown.render(document).joined(separator: "\n\(Self.markdownSplitMarker)\n")
        case .json:
            return String(decoding: try document.encoded(), as: UTF8.self)
        }
    }
}
