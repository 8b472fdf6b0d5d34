import ArgumentParser
import Engine
import Foundation
import Git

/// `keyplane init [DIR] [--from PATH]`: a new keyplane repository, ready for `state init`.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a keyplane repository: a git repository with manifests/ and a .gitignore, committed.",
        discussion: """
            Creates DIR (default: the current folder) as a git repository of its own unless it already is one, copies the \
            manifests from --from (or writes a small example), adds a .gitignore for keyplane's local files \
            (.keyplane/ and docs-site/_site/), and commits them. Next: `keyplane state init --passphrase`.
            """)

    @Argument(help: ArgumentHelp("The repository folder.", valueName: "dir"))
    var directory: String = "."

    @Option(name: .long, help: ArgumentHelp("A manifests folder to copy in.", valueName: "path"))
    var from: String?

    func run() async throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        // DIR becomes a repository of its own unless it already is one. A keyplane folder can live
        // inside a larger repository, but `init` never commits into a repository around DIR.
        let existing = try? GitRepository.open(at: root)
        let repository = try existing.flatMap { (try? RepositoryPaths(root: root, git: $0))?.prefix == "" ? $0 : nil }
            ?? GitRepository.create(at: root)
        let manifests = root.appendingPathComponent("manifests", isDirectory: true)
        if manager.fileExists(atPath: manifests.path) {
            throw CommandFailure("\(directory)/manifests already exists; keyplane init only starts new repositories")
        }
        if let from {
            try manager.copyItem(at: URL(fileURLWithPath: from, isDirectory: true), to: manifests)
        } else {
            try manager.createDirectory(at: manifests, withIntermediateDirectories: true)
            try Data(Self.example.utf8).write(to: manifests.appendingPathComponent("example.yaml"))
        }
        let ignore = root.appendingPathComponent(".gitignore")
        var ignored = (try? String(contentsOf: ignore, encoding: .utf8)) ?? ""
        for line in [".keyplane/", "docs-site/_site/"] where !ignored.split(separator: "\n").contains(Substring(line)) {
            ignored += (ignored.isEmpty || ignored.hasSuffix("\n") ? "" : "\n") + line + "\n"
        }
        try Data(ignored.utf8).write(to: ignore)
        let files = try Self.files(under: manifests, relativeTo: root) + [".gitignore"]
        let commit = try repository.commit(paths: files, message: "Add keyplane manifests\n", author: ApplyCommand.author())
        print("Created a keyplane repository in \(directory) (commit \(commit.short)) with \(Plural.count(files.count - 1, "manifest file")).")
        print("Next: keyplane state init --passphrase   (reads KEYPLANE_PASSPHRASE)")
    }

    static func files(under folder: URL, relativeTo root: URL) throws -> [String] {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(rootPath) { files.append(String(path.dropFirst(rootPath.count))) }
        }
        return files.sorted()
    }

    static let example = """
        # A first manifest: one client with one key. See docs-site/manifest-reference.md.
        version: 1
        clients:
          - id: example
            name: Example Ltd
            billing_email: billing@example.com
            markup: 1.2
            monthly_cap: 100
        keys:
          - name: prod
            client: example
            limit: 50
            reset: monthly
            protect: true
            labels: { environment: production }

        """
}
