import Parallel
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
        let docsFiles = try DocsPages.render(docs, context: context)
        var files = Array(ParallelWork.map(SitePart.all(report, options: options), batch: SitePart.batch) { $0.render(context) }.joined())
        files += docsFiles
        return files.sorted { $0.path < $1.path }
    }

    /// Renders the site for `report`, `history` and `docs` and writes it into `output` as
    /// `SiteWriter.write` does, the same files with the same bytes, but writing each part's files
    /// as soon as they are rendered, in the same parallel task, instead of holding the whole site.
    /// Nothing is written when the folder is refused or the docs cannot be rendered.
    @discardableResult
    public static func write(report: StatusReport, history: RepositoryHistory, docs: DocsSource = DocsSource(),
                             options: SiteOptions = SiteOptions(), to output: URL) throws -> SiteWriter.Summary {
        try write(report: report, history: history, docs: docs, options: options, into: try SiteFolder(output))
    }

    /// `write(report:history:docs:options:to:)` into a folder opened earlier.
    @discardableResult
    public static func write(report: StatusReport, history: RepositoryHistory, docs: DocsSource = DocsSource(),
                             options: SiteOptions = SiteOptions(), into folder: SiteFolder) throws -> SiteWriter.Summary {
        let context = SiteContext(report: report, history: history, options: options)
        let docsFiles = try DocsPages.render(docs, context: context)
        let paths = try ParallelWork.map(SitePart.all(report, options: options), batch: SitePart.batch) { part in
            let files = part.render(context)
            for file in files { try folder.write(file.contents, to: file.path) }
            return files.map(\.path)
        }
        for file in docsFiles { try folder.write(file.contents, to: file.path) }
        return try SiteWriter.finish(folder, paths: Array(paths.joined()) + docsFiles.map(\.path))
    }

    /// Renders the site for `snapshot` and writes it into `output`: reads the keys' history from
    /// `repository` (nil for none) in one walk, and the docs from `docsFolder` (nil for none).
    /// Returns what was written.
    @discardableResult
    public static func generate(snapshot: StatusSnapshot, repository: GitRepository?, statePath: String = "state",
                                docsFolder: URL?, output: URL, options: SiteOptions = SiteOptions()) throws -> SiteWriter.Summary {
        let history = try repository.map { try RepositoryHistory.read(from: $0, statePath: statePath) } ?? .empty
        let docs = try docsFolder.map { try DocsSource.load(from: $0) } ?? DocsSource()
        return try write(report: StatusReport(snapshot), history: history, docs: docs, options: options, to: output)
    }
}
