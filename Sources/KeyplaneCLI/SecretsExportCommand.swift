import ArgumentParser
import Domain
import SealedState

/// `keyplane secrets export --client C | --user U --format …`: hands a deployment its keys.
struct SecretsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a client's or a user's keys for a deployment, to a 0600 file or, if asked, to standard output.",
        discussion: """
            --client C exports the keys the client owns directly (client/key); --user U exports that user's keys.
            Variables are named OPENROUTER_API_KEY_<ADDRESS> (uppercased, '-' and '/' as '_').
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions

    @Option(name: .long, help: ArgumentHelp("Export the keys this client owns directly.", valueName: "client"))
    var client: String?

    @Option(name: .long, help: ArgumentHelp("Export this user's keys.", valueName: "user"))
    var user: String?

    @Option(name: .long, help: "dotenv, json or github-env.")
    var format: SecretsExportFormat

    @Option(name: .long, help: ArgumentHelp("A new file to write (mode 0600).", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Write to standard output instead of a file.")
    var stdout = false

    func validate() throws {
        guard (client == nil) != (user == nil) else { throw ValidationError("give exactly one of --client and --user") }
        guard (out == nil) != !stdout else { throw ValidationError("say where the secrets go: --out FILE (mode 0600) or --stdout") }
    }

    func run() async throws {
        let selects: (KeyAddress) -> Bool
        let subject: String
        if let client {
            guard let id = ClientID(client) else { throw CommandFailure("'\(client)' is not a client id") }
            selects = { $0.client == id && $0.user == nil }
            subject = "client \(client)"
        } else {
            guard let id = UserID(user ?? "") else { throw CommandFailure("'\(user ?? "")' is not a user id") }
            selects = { $0.user == id }
            subject = "user \(user ?? "")"
        }
        let opened = try StateLocation(repository).open(credentials)
        let entries = opened.state.sortedEntries.filter { selects($0.address) }
        guard !entries.isEmpty else { throw CommandFailure("the state has no keys for \(subject); nothing was written") }

        var names: [String: KeyAddress] = [:]
        var secrets: [(KeyAddress, String)] = []
        var unknown: [String] = []
        for entry in entries {
            let name = SecretsExportFormat.variableName(for: entry.address)
            if let other = names[name] {
                throw CommandFailure("\(other) and \(entry.address) both become \(name); rename one of the keys")
            }
            names[name] = entry.address
            let secret = try CommandFailure.context("cannot read the secret of \(entry.address)") { try opened.secret(for: entry.address) }
            if let secret { secrets.append((entry.address, secret.revealed)) } else { unknown.append(entry.address.description) }
        }
        if !unknown.isEmpty {
            var standardError = StandardError()
            print("warning: skipped \(unknown.joined(separator: ", ")): adopted keys whose secret keyplane never saw", to: &standardError)
        }
        let text = format.render(secrets)
        if let out {
            try SecretsFile.write(text, to: out)
            var standardError = StandardError()
            print("Wrote \(secrets.count) key(s) of \(subject) to \(out) (mode 0600).", to: &standardError)
        } else {
            print(text, terminator: "")
        }
    }
}
