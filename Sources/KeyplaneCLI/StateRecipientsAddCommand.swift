import ArgumentParser
import SealedState

/// `keyplane state recipients add kp1…|passphrase`.
struct StateRecipientsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Wrap the data key for one more recipient; existing recipients keep working.",
        discussion: "`passphrase` adds the passphrase in KEYPLANE_NEW_PASSPHRASE (or --new-passphrase-file).")

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions
    @OptionGroup var newPassphrase: StateNewPassphrase
    @OptionGroup var kdf: StateKDFOptions

    @Argument(help: ArgumentHelp("An X25519 public key (kp1…), or `passphrase`.", valueName: "recipient"))
    var recipient: String

    func run() async throws {
        let new: NewRecipient
        switch RecipientID(recipient) {
        case .passphrase?: new = .passphrase(try newPassphrase.passphrase(), kdf.kdf)
        case .x25519(let key)?: new = .x25519(key)
        case nil: throw CommandFailure("'\(recipient)' is neither `passphrase` nor a public key kp1…")
        }
        let location = StateLocation(repository)
        var opened = try location.open(credentials)
        try CommandFailure.context("cannot add \(new)") { try opened.addRecipient(new) }
        try location.write(&opened)
        print("Added \(new) as a recipient (serial \(opened.state.serial)); commit \(repository.state)/.")
    }
}
