import ArgumentParser
import Domain
import SealedState

/// `keyplane secrets get ADDRESS`: the one deliberate way to print a full secret.
struct SecretsGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Print one key's full secret to standard output.")

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions

    @Argument(help: ArgumentHelp("The key's address: client/key or client/user/key.", valueName: "address"))
    var address: String

    func run() async throws {
        guard let parsed = KeyAddress(address) else {
            throw CommandFailure("'\(address)' is not an address: use client/key or client/user/key")
        }
        let opened = try StateLocation(repository).open(credentials)
        let secret = try CommandFailure.context("cannot read the secret of \(parsed)") { try opened.secret(for: parsed) }
        guard let secret else {
            throw CommandFailure("the state does not know the secret of \(parsed): the key was adopted, not created by keyplane; rotate it to get a secret keyplane holds")
        }
        print(secret.revealed)
    }
}
