import Markdown

/// HTML that cmark-gfm produced from markdown (in safe mode, so raw HTML in the source is already
/// replaced). It is the only HTML a page inserts without escaping, and it can only be made by
/// rendering markdown through `MarkdownRenderer`.
struct RenderedMarkdown: Sendable {
    let html: String

    /// Renders `markdown` through cmark-gfm. `adjust` may rewrite what cmark produced (heading
    /// anchors, `.md` links); it receives and returns cmark's output, never outside text.
    init(markdown: String, adjust: (String) -> String = { $0 }) throws {
        html = adjust(try MarkdownRenderer.html(markdown))
    }
}
