import ArgumentParser

/// `keyplane state recipients list|add|remove`.
struct StateRecipientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipients",
        abstract: "List, add or remove who can open the state.",
        subcommands: [StateRecipientsListCommand.self, StateRecipientsAddCommand.self, StateRecipientsRemoveCommand.self])
}
