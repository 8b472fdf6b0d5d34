import Domain
import Foundation
import Markdown
import OpenRouterAPI
import TestSupport
import Testing

/// An account holds whatever anyone with dashboard access put there: amounts at the very top of
/// what can be represented, and names written to become markup. keyplane plans against it, as
/// the built binary, and either plans or says clearly why not; it never traps, and none of that
/// text becomes a link, an image, HTML or a mention in the pull-request markdown.
@Suite("an account with hostile keys")
struct HostileAccountTests {
    static let hostileName = "[click me](https://evil.example) @octocat <img src=x> <b>bold</b>"

    @Test("plan, its markdown and status work against huge amounts and markup in names")
    func planAndStatusStayInert() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)

        // An unmanaged key made in the dashboard: "unlimited", spent to the top, named to be markup.
        let unmanaged = try await workspace.harness.state.create(CreateKeyRequest(name: Self.hostileName, limit: .max))
        _ = try await workspace.harness.state.recordSpend(on: unmanaged.data.hash, amount: .max, byok: false)
        _ = try await workspace.harness.state.recordSpend(on: unmanaged.data.hash, amount: .max, byok: true)
        // A managed key renamed and given a huge limit in the dashboard: drift with hostile values.
        let staging = try #require(await workspace.liveKeys().first { $0.name.hasPrefix("acme/staging") })
        _ = try await workspace.harness.state.update(
            staging.hash, UpdateKeyRequest(name: Self.hostileName, limit: .set(.max)))

        let markdown = try await workspace.run(["plan", "--format", "markdown"])
        #expect(markdown.exitCode == 0, "\(markdown.stderr)")
        #expect(!markdown.combined.contains("Fatal error"))
        let html = try MarkdownRenderer.html(markdown.stdout)
        #expect(html.contains("@octocat"), "the hostile text is shown, as text: \(html)")
        for forbidden in ["<a ", "<img", "<b>"] { #expect(!html.contains(forbidden), "\(forbidden) in \(html)") }
        let outsideCode = html.replacingOccurrences(of: "<code>[^<]*</code>", with: "", options: .regularExpression)
        for word in ["@octocat", "evil.example"] { #expect(!outsideCode.contains(word), "\(word) outside a code span") }

        let text = try await workspace.run(["plan"])
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(text.stdout.contains("name changed outside keyplane"))
        let status = try await workspace.run(["status"])
        #expect(status.exitCode == 0, "\(status.stderr)")
        let statusHTML = try MarkdownRenderer.html(status.stdout)
        // The manifests' own billing email may be a mailto link; nothing from OpenRouter is a link.
        for forbidden in ["href=\"http", "evil.example\"", "<img", "<b>"] {
            #expect(!statusHTML.contains(forbidden), "\(forbidden) in STATUS.md")
        }
    }
}
