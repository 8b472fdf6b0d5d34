import ArgumentParser

/// `keyplane secrets …`: the deliberate ways to a key's secret.
struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "List masked secrets, print one, or export a deployment's keys.",
        subcommands: [SecretsListCommand.self, SecretsGetCommand.self, SecretsExportCommand.self])
}
