import Foundation
import ArgumentParser
import SealedState

/// `keyplane secrets list`: addresses with masked previews.
struct SecretsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every key's address, secret status and masked preview.")

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions

    func run() async throws {
        let opened = try StateLocation(repository).open(credentials)
        let entries = opened.state.sortedEntries
        let width = entries.map { $0.address.description.count }.max() ?? 0
        for entry in entries {
            let address = entry.address.description
            print("\(address)\(String(repeating: " ", count: width - address.count))  \(entry.secretStatus.description.padding(toLength: 7, withPad: " ", startingAt: 0))  \(entry.preview)")
        }
    }
}
