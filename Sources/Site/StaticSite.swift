public import Foundation
public import Git
public import Status

/// The static status site: plain HTML files, one stylesheet and inline SVG, no JavaScript. Any web
/// server or GitHub Pages can serve it, and it works from the file system, because every link is
/// relative.
///
///     index.html                         dashboard: totals, attention, spend by client, clients
///     clients/<client>.html              a client: billing, spend, users, attention, keys
///     clients/<client>/page-<n>.html     more of a long key list
///     keys/<client>/<key>.html           a client's key: settings, usage windows, drift, history
///     keys/<client>/<user>/<key>.html    a user's key
///     unmanaged.html                     keys on OpenRouter that keyplane does not manage
///     changelog.html                     apply commits, newest first (changelog/page-<n>.html after)
///     docs/index.html, docs/<path>.html  the docs folder's markdown pages, and their images
///     style.css
///
/// The output is a function of its inputs: the same snapshot, history and docs give the same
/// bytes, and the only time written is the snapshot's `now`.
public enum StaticSite {
    /// Every file of the site for `report`, `history` and `docs`, sorted by path.
    public static func render(report: StatusReport, history: RepositoryHistory, docs: DocsSource = DocsSource(),
                              options: SiteOptions = SiteOptions()) throws -> [SiteFile] {
        let context = SiteContext(report: report, history: history, options: options)
        var files: [SiteFile] = []
        files.reserveCapacity(report.totals.keys + report.clients.count + 16)
        files.append(SiteFile(path: SitePath.stylesheet.path, contents: Data(Stylesheet.css.utf8)))
        files.append(DashboardPage.render(context))
        files.append(UnmanagedPage.render(context))
        files += ChangelogPage.render(context)
        var keyJobs: [(key: KeyStatus, client: ClientStatus, listPage: Int)] = []
        keyJobs.reserveCapacity(report.totals.keys)
        for client in report.clients {
            files += ClientPage.render(client, context: context)
            for (index, key) in client.keys.enumerated() {
                keyJobs.append((key, client, index / options.keysPerClientPage + 1))
            }
        }
        // Key pages are most of the site and independent of each other.
        files += try ParallelWork.map(keyJobs) { job in
            KeyPage.render(job.key, client: job.client, listPage: job.listPage, context: context)
        }
        files += try DocsPages.render(docs, context: context)
        return files.sorted { $0.path < $1.path }
    }

    /// Renders the site for `snapshot` and writes it into `output`: reads the keys' history from
    /// `repository` (nil for none) in one walk, and the docs from `docsFolder` (nil for none).
    /// Returns what was written.
    @discardableResult
    public static func generate(snapshot: StatusSnapshot, repository: GitRepository?, statePath: String = "state",
                                docsFolder: URL?, output: URL, options: SiteOptions = SiteOptions()) throws -> SiteWriter.Summary {
        let history = try repository.map { try RepositoryHistory.read(from: $0, statePath: statePath) } ?? .empty
        let docs = try docsFolder.map { try DocsSource.load(from: $0) } ?? DocsSource()
        let files = try render(report: StatusReport(snapshot), history: history, docs: docs, options: options)
        return try SiteWriter.write(files, to: output)
    }
}
