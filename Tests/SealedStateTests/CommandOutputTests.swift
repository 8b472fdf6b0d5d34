import Domain
import Foundation
import SealedState
import TestSupport
import Testing

/// Runs the state and secrets commands as the built `keyplane` binary, in a child process with
/// its own standard output and standard error (so parallel tests cannot disturb the capture), and
/// checks that no command except `secrets get` and `secrets export` prints a secret, the
/// passphrase or the identity.
struct CommandOutputTests {
    struct Run {
        let failed: Bool
        let stdout: String
        let stderr: String
    }

    /// Runs `keyplane arguments…` with `environment` added to a minimal one.
    static func run(_ arguments: [String], environment: [String: String]) throws -> Run {
        let output = try KeyplaneProcess.run(arguments, environment: environment)
        return Run(failed: output.exitCode != 0, stdout: output.stdout, stderr: output.stderr)
    }

    @Test func noCommandButGetAndExportPrintsASecretOrThePassphrase() throws {
        let sandbox = try Sandbox()
        let repo = sandbox.directory.path
        let passphrase = "a passphrase nobody may see 7f3c"
        let identity = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Passphrase(passphrase), testKDF), .x25519(identity.recipient)])
        let secrets = (0..<4).map { makeSecret(100 + $0) }
        let addresses = ["acme/prod-api", "acme/staging", "acme/alice/personal", "globex/web"]
        for (text, secret) in zip(addresses, secrets) { try opened.upsert(makeEntry(text), secret: secret) }
        try sandbox.store.write(&opened)
        let identityFile = try sandbox.directory.write(identity.fileText, to: "operator.identity")
        let other = try Identity.generate()
        let exportPath = sandbox.directory.url.appendingPathComponent("acme.env").path
        let privateHex = String(identity.fileText.split(separator: "\n")[1].dropFirst("KEYPLANE-IDENTITY-1-".count))

        // (arguments, whether the command should succeed)
        let commands: [([String], Bool)] = [
            (["state", "show"], true),
            (["state", "recipients", "list"], true),
            (["state", "recipients", "add", other.recipient.description], true),
            (["state", "recipients", "remove", other.recipient.description], true),
            (["state", "rekey"], true),
            (["state", "rekey", "--change-passphrase", "--scrypt-log-n", "10"], true),
            (["secrets", "list", "--identity-file", identityFile.path], true),
            (["secrets", "export", "--client", "acme", "--format", "dotenv", "--out", exportPath], true),
            (["secrets", "get", "acme/nope"], false),
            (["secrets", "export", "--client", "acme", "--format", "json"], false),
            (["state", "show", "--passphrase-file", "/nonexistent"], false),
            (["state", "init", "--passphrase"], false),
            (["state", "show"], false),  // the old passphrase no longer opens it
        ]
        var environment = ["KEYPLANE_PASSPHRASE": passphrase, "KEYPLANE_NEW_PASSPHRASE": passphrase + " new"]
        for (arguments, succeeds) in commands {
            let run = try Self.run(arguments + ["--repo", repo], environment: environment)
            let line = arguments.joined(separator: " ")
            #expect(run.failed != succeeds, "\(line): \(run.stderr)")
            #expect(!run.stdout.isEmpty || !run.stderr.isEmpty || arguments.contains("--out"), "\(line) printed nothing")
            for (index, secret) in secrets.enumerated() {
                #expect(!run.stdout.contains(secret.revealed) && !run.stderr.contains(secret.revealed),
                        "\(line) printed the secret of \(addresses[index])")
            }
            for phrase in [passphrase, passphrase + " new"] {
                #expect(!run.stdout.contains(phrase) && !run.stderr.contains(phrase), "\(line) printed a passphrase")
            }
            #expect(!run.stdout.uppercased().contains(privateHex) && !run.stderr.uppercased().contains(privateHex))
            if arguments.contains("--change-passphrase") { environment["KEYPLANE_PASSPHRASE"] = passphrase + " new" }
            if arguments == ["state", "init", "--passphrase"] { environment["KEYPLANE_PASSPHRASE"] = passphrase }
        }

        // The deliberate ways do print them, and the export file is private.
        environment["KEYPLANE_PASSPHRASE"] = passphrase + " new"
        let get = try Self.run(["secrets", "get", "acme/alice/personal", "--repo", repo], environment: environment)
        #expect(get.stdout == secrets[2].revealed + "\n")
        let exported = try String(contentsOfFile: exportPath, encoding: .utf8)
        #expect(exported == "OPENROUTER_API_KEY_ACME_PROD_API=\(secrets[0].revealed)\nOPENROUTER_API_KEY_ACME_STAGING=\(secrets[1].revealed)\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: exportPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let toStdout = try Self.run(["secrets", "export", "--user", "alice", "--format", "json", "--stdout", "--repo", repo],
                                          environment: environment)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(toStdout.stdout.utf8)) == ["acme/alice/personal": secrets[2].revealed])
    }
}
