public import ArgumentParser

/// The `keyplane` command: OpenRouter API keys managed the GitOps way.
// swift-argument-parser runs an async root command only when it carries this annotation.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct KeyplaneCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "keyplane",
        abstract: "Manage OpenRouter API keys the GitOps way: declared in YAML, reviewed in git, sealed in state.",
        discussion: """
            Manifests under manifests/ declare client organisations, their users and every key with its \
            limits. `plan` compares them with the sealed state and the live OpenRouter API, `apply` carries \
            the plan out and commits the new state, and `site` renders a status site from the same data.

            Without OPENROUTER_MANAGEMENT_KEY, commands run against keyplane's embedded OpenRouter \
            simulator (kept in .keyplane/), so nothing reaches openrouter.ai.

            Commands find the repository by walking up from the working directory to the folder that holds \
            manifests/ (as git finds .git), so they work from any folder inside it; `keyplane -C DIR COMMAND` \
            runs COMMAND as if started in DIR, and --repo names the root outright.

            Start with `keyplane validate`. The manifest reference is docs-site/manifest-reference.md.
            """,
        version: KeyplaneVersion.current,
        subcommands: KeyplaneCommand.commands)

    public init() {}
}
