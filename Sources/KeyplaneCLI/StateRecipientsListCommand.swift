import ArgumentParser
import SealedState

/// `keyplane state recipients list`.
struct StateRecipientsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the state's recipients.")

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions

    func run() async throws {
        let opened = try StateLocation(repository).open(credentials)
        for recipient in opened.recipients { print(recipient) }
    }
}
