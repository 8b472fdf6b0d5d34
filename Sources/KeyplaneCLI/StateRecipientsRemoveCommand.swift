import ArgumentParser
import SealedState

/// `keyplane state recipients remove kp1…|passphrase`: removes and rekeys.
struct StateRecipientsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a recipient and rekey, so it cannot open any newer state.",
        discussion: """
            A new data key re-encrypts every secret. The removed recipient can still open older copies in
            git history: rotate the keys it could read if that matters.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions

    @Argument(help: ArgumentHelp("An X25519 public key (kp1…), or `passphrase`.", valueName: "recipient"))
    var recipient: String

    func run() async throws {
        guard let id = RecipientID(recipient) else {
            throw CommandFailure("'\(recipient)' is neither `passphrase` nor a public key kp1…")
        }
        let location = StateLocation(repository)
        var opened = try location.open(credentials)
        try CommandFailure.context("cannot remove \(id)") { try opened.removeRecipient(id) }
        try location.write(&opened)
        print("Removed \(id) and rekeyed (serial \(opened.state.serial), \(opened.recipients.count) recipient(s) left); commit \(repository.state)/.")
    }
}
