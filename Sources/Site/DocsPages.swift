import Foundation

/// `docs/…`: every markdown page of the docs folder rendered through cmark-gfm in the site's
/// layout, an index of them, and the images they show.
enum DocsPages {
    static func render(_ docs: DocsSource, context: SiteContext) throws -> [SiteFile] {
        var files: [SiteFile] = []
        var rootIndex: RenderedMarkdown?
        var listed: [(title: String, path: SitePath)] = []
        for source in docs.pages {
            let rendered = try RenderedMarkdown(markdown: source.markdown, adjust: DocsHTML.adjust)
            if source.path == "index.md" {
                rootIndex = rendered
                continue
            }
            let page = SitePath.doc(source.path)
            let title = self.title(of: source)
            listed.append((title, page))
            files.append(context.layout.page(
                page, title: title, section: .docs, crumbs: [("Dashboard", .dashboard), ("Docs", .docsIndex)],
                body: [el(.article, ["class": "doc"], .markdown(rendered))]))
        }
        let index = SitePath.docsIndex
        var body: [HTML] = []
        if let rootIndex {
            body.append(el(.article, ["class": "doc"], .markdown(rootIndex)))
            body.append(el(.h2, ["id": "pages"], text("Pages")))
        } else {
            body.append(el(.h1, [:], text("Docs")))
        }
        body.append(listed.isEmpty
            ? el(.p, [:], text("No documentation pages."))
            : el(.ul, [:], children: listed.map { el(.li, [:], link(index.link(to: $0.path), $0.title)) }))
        files.append(context.layout.page(index, title: "Docs", section: .docs, crumbs: [("Dashboard", .dashboard)], body: body))
        for asset in docs.assets { files.append(SiteFile(path: "docs/\(asset.path)", contents: asset.contents)) }
        return files
    }

    /// The first level-one heading, else the file name.
    static func title(of page: DocsSource.Page) -> String {
        for line in page.markdown.split(separator: "\n", omittingEmptySubsequences: true).prefix(40) where line.hasPrefix("# ") {
            return line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        }
        let name = page.path.split(separator: "/").last.map(String.init) ?? page.path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
