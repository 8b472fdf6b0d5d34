import Foundation
import TestSupport
import Testing

@Suite("keyplane validate, end to end")
struct ValidateCommandTests {
    let environment = ["KEYPLANE_NOW": "2026-11-22T09:00:00Z"]

    @Test("the example manifests validate with exit code 0")
    func exampleManifestsAreValid() async throws {
        let root = Golden.folder().appendingPathComponent("../..").standardizedFileURL
        let output = try await KeyplaneProcess.runDetached(["validate", "manifests"], in: root, environment: environment)
        #expect(output.exitCode == 0)
        #expect(output.stderr == "")
        #expect(output.stdout == "manifests: 4 files, 3 clients, 12 users, 18 keys: valid\n")
    }

    @Test("a broken manifest prints path:line:col diagnostics on stderr and exits 1")
    func brokenManifestFails() async throws {
        let folder = try TemporaryDirectory()
        try folder.write("""
            clients:
              - id: acme
                name: Acme
                billing_email: billing@acme.example
            keys:
              - name: prod
                client: acme
                limt: 10
                reset: hourly
            """, to: "manifests/acme.yaml")
        let output = try await KeyplaneProcess.runDetached(["validate", "manifests"], in: folder.url, environment: environment)
        #expect(output.exitCode == 1)
        #expect(output.stderr == """
            manifests/acme.yaml:8:5: error: unknown field 'limt' in key; did you mean 'limit'?
            manifests/acme.yaml:9:12: error: reset must be one of daily, weekly, monthly or none, got 'hourly'

            """)
        #expect(output.stdout == "manifests: 1 file: 2 errors, 0 warnings\n")
    }

    @Test("a secret in a manifest fails validation without being echoed")
    func secretIsNotEchoed() async throws {
        let folder = try TemporaryDirectory()
        let secret = "sk-or-v1-" + String(repeating: "5e1d", count: 16)
        try folder.write("clients:\n  - id: acme\n    name: Acme\n    billing_email: billing@acme.example\n# key: \(secret)\n",
                         to: "manifests/acme.yaml")
        let output = try await KeyplaneProcess.runDetached(["validate", "manifests"], in: folder.url, environment: environment)
        #expect(output.exitCode == 1)
        #expect(output.stderr.contains("manifests/acme.yaml:5:8: error: this looks like an OpenRouter API key"))
        #expect(!output.combined.contains(secret))
        #expect(!output.combined.contains("5e1d5e1d"))
    }

    @Test("a missing folder is an error with its path")
    func missingFolder() async throws {
        let folder = try TemporaryDirectory()
        let output = try await KeyplaneProcess.runDetached(["validate", "nowhere"], in: folder.url, environment: environment)
        #expect(output.exitCode == 1)
        #expect(output.stderr == "nowhere:1:1: error: no such file or folder\n")
    }

    @Test("--help lists every command")
    func helpListsCommands() async throws {
        let output = try await KeyplaneProcess.runDetached(["--help"])
        #expect(output.exitCode == 0)
        for command in ["init", "validate", "plan", "apply", "import", "unlock", "status", "site", "state", "secrets", "simulator"] {
            #expect(output.stdout.contains("  \(command) "), "\(command) missing from --help")
        }
    }
}
