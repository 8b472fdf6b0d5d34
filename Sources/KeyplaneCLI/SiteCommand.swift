import ArgumentParser
import Foundation
import Engine
import Git
import Parallel
import Site
import Status

/// `keyplane site`: the static status and docs site.
struct SiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the static status site: dashboard, a page per client and per key with history, changelog, docs.",
        discussion: """
            Plain files that any web server or GitHub Pages can serve, with relative links, no JavaScript, \
            light and dark themes. Key history and the changelog are read from the git history of the \
            state. Every markdown page under docs-site/ is rendered into the same layout.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions
    @OptionGroup var api: APIOptions

    @Option(name: .long, help: ArgumentHelp("The output folder (default docs-site/_site).", valueName: "dir"))
    var out: String = "docs-site/_site"

    @Option(name: .long, help: ArgumentHelp("The folder of hand-written markdown pages.", valueName: "dir"))
    var docs: String = "docs-site"

    @Option(name: .long, help: ArgumentHelp("Refresh live keys and usage from OpenRouter (default true).", valueName: "bool"))
    var refresh: Bool = true

    func run() async throws {
        let root = repository.rootURL
        let docsURL = URL(fileURLWithPath: docs, relativeTo: root).standardizedFileURL
        let output = URL(fileURLWithPath: out, relativeTo: root).standardizedFileURL
        // The git history, the docs and the output folder's listing do not depend on the snapshot:
        // they are read on another core while the snapshot is gathered, which mostly waits on
        // OpenRouter or runs on one core.
        let state = repository.state
        let sources = Task { try await ParallelWork.offPool { try Self.readSources(root: root, state: state, docsURL: docsURL, output: output) } }
        let snapshot = try await StatusCommand.snapshot(repository, credentials, api, refresh: refresh)
        let summary: SiteWriter.Summary
        do {
            let (history, docs, folder) = try await sources.value
            summary = try await ParallelWork.offPool {
                try StaticSite.write(report: StatusReport(snapshot), history: history, docs: docs, into: folder)
            }
        } catch {
            throw CommandFailure("cannot write the site to \(out): \(error)")
        }
        print("Wrote \(Plural.count(summary.written, "file")) to \(out)\(summary.removed > 0 ? " (removed \(summary.removed) stale)" : ""). Open \(output.appendingPathComponent("index.html").path)")
    }

    /// The keys' history from the git repository at `root` (none when there is no repository),
    /// the state being the folder `state` in the keyplane folder; the docs under `docsURL` (none
    /// when the folder does not exist); and the output folder, opened. One task, in sequence, so
    /// that the snapshot keeps the other core.
    private static func readSources(root: URL, state: String, docsURL: URL, output: URL) throws
        -> (RepositoryHistory, DocsSource, SiteFolder)
    {
        var history = RepositoryHistory.empty
        if let git = try? GitRepository.open(at: root) {
            let statePath = try RepositoryPaths(root: root, git: git).inGit(state)
            history = try RepositoryHistory.read(from: git, statePath: statePath)
        }
        let docs = FileManager.default.fileExists(atPath: docsURL.path) ? try DocsSource.load(from: docsURL) : DocsSource()
        return (history, docs, try SiteFolder(output))
    }
}
