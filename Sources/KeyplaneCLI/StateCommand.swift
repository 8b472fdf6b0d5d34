import ArgumentParser

/// `keyplane state …`: create, inspect and re-key the sealed state.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Create, inspect and re-key the sealed state (never prints secrets).",
        discussion: "The format is described in docs-site/state-format.md.",
        subcommands: [
            StateInitCommand.self, StateShowCommand.self, StateRecipientsCommand.self, StateRekeyCommand.self,
            StateKeygenCommand.self,
            StateBenchCommand.self,  // hidden: shouldDisplay is false in its configuration
        ])
}
