import ArgumentParser
import SealedState
import StateModel

/// `keyplane state show`: the readable state, never secrets.
struct StateShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the state's header and every key's readable fields (never a secret).")

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions

    func run() async throws {
        let opened = try StateLocation(repository).open(credentials)
        let state = opened.state
        print("state:      \(repository.state)/ (verified)")
        print("version:    \(opened.formatVersion)")
        print("lineage:    \(state.lineage)")
        print("serial:     \(state.serial)")
        print("recipients: \(opened.recipients.count)")
        for recipient in opened.recipients { print("  - \(recipient)") }
        print("keys:       \(state.entries.count)")
        for entry in state.sortedEntries {
            print("")
            print("\(entry.address)")
            print("  hash:        \(entry.hash)")
            print("  name:        \(entry.values.name)")
            print("  limit:       \(entry.values.limit.map { "\($0)" } ?? "none")\(entry.values.limitReset.map { " (\($0))" } ?? "")")
            print("  byok:        \(entry.values.includeBYOKInLimit ? "counted in limit" : "not counted")")
            print("  disabled:    \(entry.values.disabled)")
            if let expires = entry.values.expiresAt { print("  expires:     \(expires)") }
            print("  created:     \(entry.createdAt)")
            if let rotated = entry.rotatedAt { print("  rotated:     \(rotated)") }
            print("  generation:  \(entry.generation)")
            print("  secret:      \(entry.secretStatus) \(entry.preview)")
            if let predecessor = entry.predecessor {
                print("  predecessor: \(predecessor.hash), delete after \(predecessor.deleteAfter)")
            }
        }
    }
}
