internal import CCmarkGFM
import Glibc

/// Renders GitHub-flavoured markdown to HTML through cmark-gfm, with the `table`, `strikethrough`
/// and `autolink` extensions attached. Raw HTML in the source is replaced by a comment (cmark's
/// safe mode), so the output can be inserted into a page as it is.
public enum MarkdownRenderer {
    /// The GFM extensions every document is parsed with.
    public static let extensions = ["table", "strikethrough", "autolink"]

    /// Errors from cmark-gfm.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let function: String
        public let message: String
        public var description: String { "\(function) failed: \(message)" }
    }

    /// `markdown` as an HTML fragment.
    public static func html(_ markdown: String) throws -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else {
            throw Failure(function: "cmark_parser_new", message: "could not allocate a parser")
        }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            guard let extensionHandle = cmark_find_syntax_extension(name) else {
                throw Failure(function: "cmark_find_syntax_extension", message: "extension '\(name)' is not available")
            }
            guard cmark_parser_attach_syntax_extension(parser, extensionHandle) == 1 else {
                throw Failure(function: "cmark_parser_attach_syntax_extension", message: "could not attach '\(name)'")
            }
        }
        var source = markdown
        source.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let document = cmark_parser_finish(parser) else {
            throw Failure(function: "cmark_parser_finish", message: "could not parse the document")
        }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            throw Failure(function: "cmark_render_html", message: "could not render the document")
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
