public import Foundation

/// The hand-written pages of the site: every markdown file under the docs folder, and the images
/// they may show, each with its path relative to the folder.
public struct DocsSource: Equatable, Sendable {
    /// A markdown page.
    public struct Page: Equatable, Sendable {
        /// Relative to the docs folder, with `/` separators: `guide/setup.md`.
        public var path: String
        public var markdown: String

        public init(path: String, markdown: String) {
            self.path = path
            self.markdown = markdown
        }
    }

    /// Markdown pages, by path.
    public var pages: [Page]
    /// Other files copied as they are (images), by path.
    public var assets: [SiteFile]

    public init(pages: [Page] = [], assets: [SiteFile] = []) {
        self.pages = pages.sorted { $0.path < $1.path }
        self.assets = assets.sorted { $0.path < $1.path }
    }

    /// File extensions copied next to the rendered pages, so pages can show images.
    public static let assetExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp"]

    /// Reads every `*.md` (and every image) under `folder`, recursively, skipping hidden entries
    /// and folders whose name starts with `_` (such as the default output, `_site/`).
    public static func load(from folder: URL) throws -> DocsSource {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        var pages: [Page] = []
        var assets: [SiteFile] = []
        func walk(_ url: URL, relative: String) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            for name in names where !name.hasPrefix(".") && !name.hasPrefix("_") {
                let child = url.appendingPathComponent(name)
                let childRelative = relative.isEmpty ? name : "\(relative)/\(name)"
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    try walk(child, relative: childRelative)
                } else if name.hasSuffix(".md") {
                    pages.append(Page(path: childRelative, markdown: String(decoding: try Data(contentsOf: child), as: UTF8.self)))
                } else if assetExtensions.contains(child.pathExtension.lowercased()) {
                    assets.append(SiteFile(path: childRelative, contents: try Data(contentsOf: child)))
                }
            }
        }
        guard FileManager.default.fileExists(atPath: root.path) else { return DocsSource() }
        try walk(root, relative: "")
        return DocsSource(pages: pages, assets: assets)
    }
}
