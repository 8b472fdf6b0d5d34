import ArgumentParser
import SealedState

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
        print("version:    \(state.formatVersion)")
        print("lineage:    \(state.lineage)")
        print("serial:     \(state.serial)")
        print("recipients: \(state.recipients.count)")
        for recipient in state.recipients { print("  - \(recipient)") }
        print("keys:       \(state.entries.count)")
        for entry in state.sortedEntries {
            print("")
            print("\(entry.address)")
            print("  hash:        \(entry.hash)")
            print("  name:        \(entry.name)")
            print("  limit:       \(entry.limit.map { "\($0)" } ?? "none")\(entry.limitReset.map { " (\($0))" } ?? "")")
            print("  byok:        \(entry.includeBYOKInLimit ? "counted in limit" : "not counted")")
            print("  disabled:    \(entry.disabled)")
            if let expires = entry.expiresAt { print("  expires:     \(expires)") }
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
