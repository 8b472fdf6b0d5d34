import ArgumentParser
import Foundation
import Manifest

/// `keyplane validate [PATH]`: every problem in the manifests, in one run, as `path:line:col`.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the manifests and report every problem as path:line:col.",
        discussion: """
            Reads every *.yaml and *.yml file under PATH (default: manifests), checks each against the
            manifest format and the repository's policy, and prints every problem it finds, each as
            `path:line:col: error|warning: message`. Exits 1 if any error was found, 0 otherwise.
            Validation makes no API call and needs no credentials.
            """)

    @Argument(help: ArgumentHelp(
        "The manifests folder or a single manifest file (default: the repository's manifests folder, found upwards).",
        valueName: "path"))
    var given: String?

    @Flag(name: .long, help: "Print nothing but the diagnostics.")
    var quiet = false

    func run() async throws {
        let path = given ?? RepositoryRoot.manifestsPath(manifests: "manifests")
        let result = ManifestLoader.load(path: path, now: Clock.now())
        var standardError = StandardError()
        for diagnostic in result.diagnostics {
            print(diagnostic, to: &standardError)
        }
        let errors = result.errors.count, warnings = result.warnings.count
        if !quiet {
            var summary = "\(path): \(Plural.count(result.files.count, "file"))"
            if let manifest = result.manifest {
                summary += ", \(Plural.count(manifest.clients.count, "client")), \(Plural.count(manifest.users.count, "user")), \(Plural.count(manifest.keys.count, "key"))"
            }
            if errors == 0 && warnings == 0 {
                summary += ": valid"
            } else {
                summary += ": \(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))"
            }
            print(summary)
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
