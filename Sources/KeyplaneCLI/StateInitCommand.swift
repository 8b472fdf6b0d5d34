import ArgumentParser
import SealedState

/// `keyplane state init`: an empty state for the given recipients.
struct StateInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty sealed state that the given recipients can open.",
        discussion: """
            Give --passphrase to let the passphrase in KEYPLANE_PASSPHRASE (or --passphrase-file) open it,
            and --recipient for each X25519 public key (kp1…, from `keyplane state keygen`).
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions
    @OptionGroup var kdf: StateKDFOptions

    @Flag(name: .long, help: "Add the passphrase from KEYPLANE_PASSPHRASE or --passphrase-file as a recipient.")
    var passphrase = false

    @Option(name: .long, help: ArgumentHelp("An X25519 public key (kp1…) to add as a recipient; may be repeated.", valueName: "kp1…"))
    var recipient: [String] = []

    func run() async throws {
        guard repository.hasManifests else {
            throw CommandFailure("""
                there is no \(repository.manifests)/ folder here or in any folder above it (up to the top of the git \
                repository), so this is not a keyplane repository: run `keyplane state init` at the root of one \
                (create it with `keyplane init DIR`), or name it with --repo
                """)
        }
        var recipients: [NewRecipient] = []
        if passphrase {
            guard let given = try credentials.credentials().passphrase else {
                throw CommandFailure("--passphrase needs KEYPLANE_PASSPHRASE or --passphrase-file")
            }
            recipients.append(.passphrase(given, kdf.kdf))
        }
        for text in recipient {
            guard let key = RecipientKey(text) else {
                throw CommandFailure("'\(text)' is not a recipient public key (kp1 and 64 hex digits); create one with `keyplane state keygen`")
            }
            recipients.append(.x25519(key))
        }
        guard !recipients.isEmpty else {
            throw CommandFailure("give at least one recipient: --passphrase, or --recipient kp1…")
        }
        let store = StateLocation(repository).store
        let opened = try CommandFailure.context("cannot create the state") { try store.initialize(recipients: recipients) }
        print("Created the sealed state in \(repository.state)/ (lineage \(opened.state.lineage), serial \(opened.state.serial)).")
        for recipient in opened.recipients { print("  recipient: \(recipient)") }
        print("Commit \(repository.state)/ to git; from then on keyplane refuses to open an older copy of it.")
    }
}
