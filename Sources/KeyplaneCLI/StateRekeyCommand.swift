import ArgumentParser
import SealedState

/// `keyplane state rekey`: a new data key for everything.
struct StateRekeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rekey",
        abstract: "Make a new data key, re-encrypt every secret and rewrap it for every recipient.",
        discussion: """
            With --change-passphrase the passphrase recipient is rewrapped with KEYPLANE_NEW_PASSPHRASE
            (or --new-passphrase-file); --scrypt-log-n then sets its cost.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions
    @OptionGroup var newPassphrase: StateNewPassphrase
    @OptionGroup var kdf: StateKDFOptions

    @Flag(name: .long, help: "Change the passphrase recipient's passphrase.")
    var changePassphrase = false

    func run() async throws {
        let location = StateLocation(repository)
        var opened = try location.open(credentials)
        let passphrase = changePassphrase ? try newPassphrase.passphrase() : nil
        try CommandFailure.context("cannot rekey") {
            try opened.rekey(newPassphrase: passphrase, kdf: changePassphrase ? kdf.kdf : nil)
        }
        try location.write(&opened)
        print("Rekeyed \(opened.state.entries.count) key(s) for \(opened.recipients.count) recipient(s) (serial \(opened.state.serial)); commit \(repository.state)/.")
    }
}
