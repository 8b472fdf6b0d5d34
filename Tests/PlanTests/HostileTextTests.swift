import Domain
import Foundation
import Manifest
import Markdown
import MarkdownText
import Plan
import PlanFile
import PlanReport
import StateModel
import Testing

/// Key names and labels come from OpenRouter, where anyone with dashboard access sets them. In
/// the pull-request markdown they must render, through cmark-gfm as GitHub does, as their
/// characters: no link, image, HTML or live mention.
@Suite("hostile text from OpenRouter")
struct HostileTextTests {
    static let hostile = [
        "[click me](https://evil.example) @octocat <img src=x>",
        "![img](https://evil.example/x.png) <script>alert(1)</script>",
        "`` ` |a|b| ``` www.evil.example #123 **bold**",
        "line\nbreak <a href='https://evil.example'>x</a> | cell",
    ]

    @Test("an unmanaged key's name and label, and a managed key's drifted name, render inert")
    func hostileNamesRenderInert() throws {
        let manifest = PlanFixture.manifest("""
            clients: [{ id: acme, name: Acme, billing_email: b@acme.example }]
            keys:
              - { name: prod, client: acme, limit: 10 }
            """)
        let entry = PlanFixture.entry("acme/prod", seed: 1, limit: "10", reset: .monthly)
        var live = [PlanFixture.live(entry) { $0.values.name = Self.hostile[0] }]
        for (index, text) in Self.hostile.enumerated() {
            live.append(LiveKey(hash: PlanFixture.hash(40 + index), name: text, label: text, createdAt: PlanFixture.created))
        }
        let document = PlanFixture.plan(manifest, prior: [entry], live: live)
        #expect(document.plan.unmanaged.count == Self.hostile.count)
        #expect(document.plan.drift.count == 1)

        for comment in PlanMarkdown.render(document) {
            let html = try MarkdownRenderer.html(comment)
            #expect(!html.contains("<a "), "a link: \(html)")
            #expect(!html.contains("<img"), "an image: \(html)")
            #expect(!html.contains("<script"), "raw HTML: \(html)")
            #expect(!html.contains("<strong>bold"), "emphasis from outside text: \(html)")
            // Outside the code spans keyplane writes, no hostile word survives as text that
            // GitHub would link or mention.
            let outsideCode = html.replacingOccurrences(of: "<code>[^<]*</code>", with: "", options: .regularExpression)
            for word in ["@octocat", "evil.example", "#123"] {
                #expect(!outsideCode.contains(word), "\(word) outside a code span: \(outsideCode)")
            }
        }
    }

    @Test("inert text is a code span of exactly its characters, whatever backticks it holds")
    func inertRoundTrips() throws {
        for text in Self.hostile + ["`", "``", " ` ", "a`b"] {
            let html = try MarkdownRenderer.html(MarkdownText.inert(text))
            let expected = text.replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(html == "<p><code>\(expected)</code></p>\n", "\(text.debugDescription) → \(html)")
        }
    }
}
