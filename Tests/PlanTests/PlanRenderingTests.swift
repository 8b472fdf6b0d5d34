import Domain
import Foundation
import Manifest
import Plan
import PlanFile
import PlanReport
import SealedState
import TestSupport
import Testing

@Suite("plan renderings")
struct PlanRenderingTests {
    let golden = Golden.folder().appendingPathComponent("Golden")

    @Test("the terminal text matches its golden file")
    func textGolden() throws {
        let text = PlanText.render(PlannerTests.scenario())
        if let diff = try Golden.compare(text, with: golden.appendingPathComponent("scenario.txt")) { Issue.record(Comment(rawValue: diff)) }
    }

    @Test("colour appears only when asked for")
    func colourOnlyWhenAsked() {
        #expect(!PlanText.render(PlannerTests.scenario()).contains("\u{1B}["))
        #expect(PlanText.render(PlannerTests.scenario(), color: true).contains("\u{1B}[32m"))
    }

    @Test("the pull-request markdown matches its golden file")
    func markdownGolden() throws {
        let parts = PlanMarkdown.render(PlannerTests.scenario())
        #expect(parts.count == 1)
        if let diff = try Golden.compare(parts.joined(), with: golden.appendingPathComponent("scenario.md")) {
            Issue.record(Comment(rawValue: diff))
        }
    }

    @Test("a large plan is split into comments under GitHub's limit, each with balanced details")
    func markdownSplits() throws {
        var yaml = "clients:\n  - { id: acme, name: Acme, billing_email: b@acme.example }\nkeys:\n"
        for index in 0..<1_500 { yaml += "  - { name: service-\(index)-with-a-long-descriptive-name, client: acme, limit: \(index % 40 + 1), reset: daily }\n" }
        let document = PlanFixture.plan(PlanFixture.manifest(yaml), prior: [], live: [])
        let parts = PlanMarkdown.render(document)
        #expect(parts.count > 1)
        for (index, part) in parts.enumerated() {
            #expect(part.count < PlanMarkdown.commentLimit)
            #expect(part.components(separatedBy: "<details>").count == part.components(separatedBy: "</details>").count)
            if index > 0 { #expect(part.hasPrefix("### keyplane plan (part \(index + 1) of \(parts.count))")) }
        }
        let all = parts.joined()
        for index in [0, 749, 1_499] { #expect(all.contains("`acme/service-\(index)-with-a-long-descriptive-name`")) }
        if let diff = try Golden.compare(parts[0].prefix(600) + "\n", with: golden.appendingPathComponent("split-part-1-head.md")) {
            Issue.record(Comment(rawValue: diff))
        }
    }

    @Test("the plan's JSON document matches its golden file")
    func jsonGolden() throws {
        let text = String(decoding: try PlannerTests.scenario().encoded(), as: UTF8.self)
        if let diff = try Golden.compare(text, with: golden.appendingPathComponent("scenario.json")) {
            Issue.record(Comment(rawValue: diff))
        }
    }

    @Test("the JSON document carries the summary, the fingerprint and every widening")
    func jsonDocument() throws {
        let text = String(decoding: try PlannerTests.scenario().encoded(), as: UTF8.self)
        #expect(text.contains("\"formatVersion\" : \(Plan.formatVersion)"))
        #expect(text.contains("\"higherLimit\""))
        #expect(text.contains("\"shorterWindow\""))
        #expect(text.contains("\"fingerprint\""))
    }
}
