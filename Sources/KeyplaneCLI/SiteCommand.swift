import ArgumentParser
import Foundation
import Git
import Site

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
        let session = StatusSession(plan: PlanSession(repository: repository, credentials: credentials, api: api))
        let snapshot = try await session.snapshot(refresh: refresh)
        let root = repository.rootURL
        let git = try? GitRepository.open(at: root)
        let docsURL = URL(fileURLWithPath: docs, relativeTo: root).standardizedFileURL
        let output = URL(fileURLWithPath: out, relativeTo: root).standardizedFileURL
        let summary: SiteWriter.Summary
        do {
            summary = try StaticSite.generate(
                snapshot: snapshot, repository: git,
                statePath: try git.map { try RepositoryPaths(root: root, git: $0).inGit(repository.state) } ?? repository.state,
                docsFolder: FileManager.default.fileExists(atPath: docsURL.path) ? docsURL : nil, output: output)
        } catch {
            throw CommandFailure("cannot write the site to \(out): \(error)")
        }
        print("Wrote \(Plural.count(summary.written, "file")) to \(out)\(summary.removed > 0 ? " (removed \(summary.removed) stale)" : ""). Open \(output.appendingPathComponent("index.html").path)")
    }
}
