import Markdown
import Testing

@Suite("cmark-gfm wrapper")
struct MarkdownRendererTests {
    @Test("a GFM table renders to an HTML table with alignment")
    func tableRendersToHTML() throws {
        let html = try MarkdownRenderer.html("""
            | key | limit |
            |:----|------:|
            | acme/prod | $200 |
            """)
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th align="left">key</th>
            <th align="right">limit</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">acme/prod</td>
            <td align="right">$200</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test("strikethrough and autolink extensions are attached")
    func strikethroughAndAutolink() throws {
        let html = try MarkdownRenderer.html("~~old~~ see https://openrouter.ai/docs")
        #expect(html == "<p><del>old</del> see <a href=\"https://openrouter.ai/docs\">https://openrouter.ai/docs</a></p>\n")
    }

    @Test("raw HTML in markdown is not passed through")
    func rawHTMLIsSuppressed() throws {
        let html = try MarkdownRenderer.html("hello <script>alert(1)</script>\n\n<div>x</div>\n")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<div>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test("an empty document renders to nothing")
    func emptyDocument() throws {
        #expect(try MarkdownRenderer.html("") == "")
    }
}
