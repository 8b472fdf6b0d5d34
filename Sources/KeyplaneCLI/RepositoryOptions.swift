import ArgumentParser
import Engine
import Foundation

/// Where a command finds the repository it works on. Shared by every command that reads
/// manifests or state, so they all agree on the layout:
///
///     <repo>/manifests/   the YAML manifests
///     <repo>/state/       the sealed state
///     <repo>/STATUS.md    the generated status
///
/// Without --repo, the root is found as git finds its own: from the working directory upwards,
/// the first folder that holds the manifests folder, never beyond the top of the enclosing git
/// working tree. So a command run in `manifests/clients/` acts on the repository, not on a
/// folder of its own.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The repository root (default: the nearest folder upwards that holds the manifests folder).", valueName: "path"))
    var repo: String?

    @Option(name: .long, help: ArgumentHelp("The manifests folder, relative to the repository root.", valueName: "path"))
    var manifests: String = "manifests"

    @Option(name: .long, help: ArgumentHelp("The state folder, relative to the repository root.", valueName: "path"))
    var state: String = "state"

    /// The root as given, or as found by walking up; the working directory when nothing is found.
    var rootURL: URL {
        if let repo { return URL(fileURLWithPath: repo, isDirectory: true).standardizedFileURL }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        return RepositoryRoot.discover(from: here, manifests: manifests) ?? here
    }

    /// The root as people should read it in messages: `.`, a relative path such as `../..`, or the
    /// path as given.
    var rootText: String {
        if let repo { return repo }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        return RepositoryRoot.relativePath(from: here, to: rootURL)
    }

    /// The manifests folder as a path to show people (and to load, from the working directory):
    /// `manifests` at the root, `../../manifests` from two folders below it.
    var manifestsPath: String {
        repo == nil ? RepositoryRoot.manifestsPath(manifests: manifests)
            : (rootText == "." ? manifests : (rootText as NSString).appendingPathComponent(manifests))
    }

    var stateURL: URL { rootURL.appendingPathComponent(state, isDirectory: true) }

    /// Whether the manifests folder exists at the root.
    var hasManifests: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: rootURL.appendingPathComponent(manifests).path, isDirectory: &isFolder)
            && isFolder.boolValue
    }
}

/// Finding a keyplane repository's root from a folder inside it.
enum RepositoryRoot {
    /// The nearest folder from `start` upwards that holds a `manifests` folder, stopping at the
    /// top of a git working tree (a folder holding `.git`); nil when there is none.
    static func discover(from start: URL, manifests: String) -> URL? {
        let files = FileManager.default
        var folder = start
        while true {
            var isFolder: ObjCBool = false
            if files.fileExists(atPath: folder.appendingPathComponent(manifests).path, isDirectory: &isFolder), isFolder.boolValue {
                return folder
            }
            if files.fileExists(atPath: folder.appendingPathComponent(".git").path) { return nil }
            let parent = folder.deletingLastPathComponent().standardizedFileURL
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The manifests folder, found from the working directory upwards, as a path from it:
    /// `manifests` at the root, `../../manifests` from two folders below; `manifests` when no
    /// root is found.
    static func manifestsPath(manifests: String) -> String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        guard let root = discover(from: here, manifests: manifests) else { return manifests }
        let relative = relativePath(from: here, to: root)
        return relative == "." ? manifests : (relative as NSString).appendingPathComponent(manifests)
    }

    /// `to` relative to `from`, for folders where `to` contains `from` (or is it): `.`, `..`, `../..`.
    static func relativePath(from: URL, to: URL) -> String {
        let here = from.standardizedFileURL.pathComponents, root = to.standardizedFileURL.pathComponents
        guard root.count <= here.count, Array(here.prefix(root.count)) == root else { return to.path }
        let up = here.count - root.count
        return up == 0 ? "." : Array(repeating: "..", count: up).joined(separator: "/")
    }
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
