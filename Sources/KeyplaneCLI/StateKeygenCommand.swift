import ArgumentParser
import Foundation
import SealedState

/// `keyplane state keygen`: a new X25519 identity.
struct StateKeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create an X25519 identity for an operator or a CI runner.",
        discussion: """
            Writes the identity to --out (mode 0600) and prints its public key, which goes into the state with
            `keyplane state recipients add kp1…`. Without --out the identity is printed to standard output.
            """)

    @Option(name: .long, help: ArgumentHelp("Where to write the identity (mode 0600; must not exist).", valueName: "file"))
    var out: String?

    func run() async throws {
        let identity = try CommandFailure.context("cannot create an identity") { try Identity.generate() }
        if let out {
            try SecretsFile.write(identity.fileText, to: out)
            print(identity.recipient)
            var standardError = StandardError()
            print("Wrote the identity to \(out); its public key is above.", to: &standardError)
        } else {
            print(identity.fileText, terminator: "")
            var standardError = StandardError()
            print("Public key: \(identity.recipient)", to: &standardError)
        }
    }
}
