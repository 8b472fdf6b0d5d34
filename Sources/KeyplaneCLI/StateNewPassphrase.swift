import ArgumentParser
import Foundation
import SealedState

/// A passphrase being introduced (a new recipient or a changed passphrase): from
/// `KEYPLANE_NEW_PASSPHRASE` or `--new-passphrase-file`, never from the command line.
struct StateNewPassphrase: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A file holding the new passphrase (instead of KEYPLANE_NEW_PASSPHRASE).", valueName: "file"))
    var newPassphraseFile: String?

    func passphrase() throws -> Passphrase {
        var passphrase: Passphrase?
        if let path = newPassphraseFile {
            passphrase = Passphrase(try CredentialFile.read(path, what: "new passphrase file"))
        } else if let text = ProcessInfo.processInfo.environment["KEYPLANE_NEW_PASSPHRASE"] {
            passphrase = Passphrase(text)
        }
        guard let passphrase, !passphrase.isEmpty else {
            throw CommandFailure("no new passphrase was given: set KEYPLANE_NEW_PASSPHRASE or pass --new-passphrase-file")
        }
        return passphrase
    }
}
