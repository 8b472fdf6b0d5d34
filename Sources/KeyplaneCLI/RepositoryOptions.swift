import ArgumentParser
import Engine
import Foundation

/// Where a command finds the repository it works on. Shared by every command that reads
/// manifests or state, so they all agree on the layout:
///
///     <repo>/manifests/   the YAML manifests
///     <repo>/state/       the sealed state
///     <repo>/STATUS.md    the generated status
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The repository root.", valueName: "path"))
    var repo: String = "."

    @Option(name: .long, help: ArgumentHelp("The manifests folder, relative to the repository root.", valueName: "path"))
    var manifests: String = "manifests"

    @Option(name: .long, help: ArgumentHelp("The state folder, relative to the repository root.", valueName: "path"))
    var state: String = "state"

    var rootURL: URL { URL(fileURLWithPath: repo, isDirectory: true).standardizedFileURL }

    /// The manifests folder as a path to show people: relative when the repository is ".".
    var manifestsPath: String { repo == "." ? manifests : (repo as NSString).appendingPathComponent(manifests) }

    var stateURL: URL { rootURL.appendingPathComponent(state, isDirectory: true) }
}

extension RepositoryOptions {
    /// The repository as the engine's operations see it, with the credentials that open its state.
    func workspace(_ credentials: CredentialOptions) throws -> Workspace {
        Workspace(root: rootURL, manifestsPath: manifestsPath, manifestsFolder: manifests, state: StateLocation(self).store,
                  credentials: try credentials.credentials())
    }

    /// How the operations reach OpenRouter from this repository.
    func connector(_ api: APIOptions) -> CommandConnector { CommandConnector(options: api, root: rootURL) }
}
