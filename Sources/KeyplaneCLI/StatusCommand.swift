import ArgumentParser
import Foundation
import Engine
import Status

/// `keyplane status`: STATUS.md, the repository's readable summary of keys, spend and attention.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Write STATUS.md: totals, spend per client (at cost and billed), every key, and what needs attention.",
        discussion: """
            Renders the manifests, the state and a refresh of the live keys as GitHub-flavoured markdown. \
            The output is deterministic, so its diff in a pull request is itself a review aid. It holds \
            no secret, not even a masked one. `keyplane apply` regenerates and commits it.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions
    @OptionGroup var api: APIOptions

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Refresh live keys and usage from OpenRouter (default true).", valueName: "bool"))
    var refresh: Bool = true

    func run() async throws {
        let markdown = StatusMarkdown.render(try await Self.snapshot(repository, credentials, api, refresh: refresh))
        if let out {
            try AtomicWrite.write(Data(markdown.utf8), to: URL(fileURLWithPath: out))
            print("Wrote \(out).")
        } else {
            print(markdown, terminator: "")
        }
    }

    /// The status snapshot of the repository, refreshed unless `refresh` is false (also for `site`).
    static func snapshot(_ repository: RepositoryOptions, _ credentials: CredentialOptions, _ api: APIOptions,
                         refresh: Bool) async throws -> StatusSnapshot {
        let operation = StatusOperation(workspace: try repository.workspace(credentials), connector: repository.connector(api),
                                        refresh: refresh, now: Clock.now())
        return try await CommandFailure.reporting { try await operation.run(observer: HumanView()) }
    }
}
