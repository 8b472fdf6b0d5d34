import ArgumentParser
import Foundation
import SealedState

/// How a command gets what opens the sealed state: a passphrase from `KEYPLANE_PASSPHRASE`
/// (or a file), identities from `KEYPLANE_IDENTITY` (or files). Values never appear in output.
struct CredentialOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A file holding the passphrase (instead of KEYPLANE_PASSPHRASE; also KEYPLANE_PASSPHRASE_FILE).", valueName: "file"))
    var passphraseFile: String?

    @Option(name: .long, help: ArgumentHelp("A file holding an identity (instead of KEYPLANE_IDENTITY; also KEYPLANE_IDENTITY_FILE); may be repeated.", valueName: "file"))
    var identityFile: [String] = []

    /// The credentials from the options and the environment.
    func credentials() throws -> Credentials {
        let environment = ProcessInfo.processInfo.environment
        var credentials = Credentials()
        if let path = passphraseFile ?? environment["KEYPLANE_PASSPHRASE_FILE"] {
            credentials.passphrase = Passphrase(try CredentialFile.read(path, what: "passphrase file"))
        } else if let text = environment["KEYPLANE_PASSPHRASE"], !text.isEmpty {
            credentials.passphrase = Passphrase(text)
        }
        var identityTexts: [(String, String)] = []
        if let text = environment["KEYPLANE_IDENTITY"], !text.isEmpty { identityTexts.append(("KEYPLANE_IDENTITY", text)) }
        var paths = identityFile
        if paths.isEmpty, let path = environment["KEYPLANE_IDENTITY_FILE"] { paths.append(path) }
        for path in paths { identityTexts.append((path, try CredentialFile.read(path, what: "identity file"))) }
        for (source, text) in identityTexts {
            do { credentials.identities.append(try Identity(parsing: text)) } catch {
                throw CommandFailure("\(source): \(error)")
            }
        }
        return credentials
    }
}
