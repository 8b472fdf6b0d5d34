import Domain
import Foundation
import Status
import Testing
import TestSupport

@Suite struct StatusMarkdownTests {
    let golden = Golden.folder().appendingPathComponent("Golden")

    @Test func statusMarkdownMatchesItsGoldenFile() throws {
        let fixture = try StatusFixture()
        let markdown = StatusMarkdown.render(fixture.snapshot)
        if let diff = try Golden.compare(markdown, with: golden.appendingPathComponent("STATUS.md")) { Issue.record("\(diff)") }
    }

    @Test func statusMarkdownWithoutARefreshLeavesUsageOut() throws {
        let fixture = try StatusFixture(refreshed: false)
        let markdown = StatusMarkdown.render(fixture.snapshot)
        #expect(markdown.contains("Usage was not refreshed"))
        if let diff = try Golden.compare(markdown, with: golden.appendingPathComponent("STATUS-not-refreshed.md")) { Issue.record("\(diff)") }
    }

    @Test func statusMarkdownDoesNotDependOnTheOrderOfItsInputs() throws {
        let fixture = try StatusFixture()
        var shuffled = fixture.snapshot
        shuffled.entries.reverse()
        shuffled.drift.reverse()
        #expect(StatusMarkdown.render(shuffled) == StatusMarkdown.render(fixture.snapshot))
    }

    @Test func statusMarkdownEscapesTextFromTheManifests() throws {
        let fixture = try StatusFixture()
        let markdown = StatusMarkdown.render(fixture.snapshot)
        #expect(markdown.contains(#"### Globex \<Labs\> \| R\&D \* (`globex`)"#))
        #expect(markdown.contains("`limit is $25.00 on OpenRouter but $20.00 in the state | changed by hand`"))
        #expect(!markdown.contains("<Labs>"))
    }

    @Test func statusMarkdownTablesHaveAsManyCellsAsTheirHeader() throws {
        let fixture = try StatusFixture()
        let lines = StatusMarkdown.render(fixture.snapshot).split(separator: "\n", omittingEmptySubsequences: false)
        var columns: Int?
        for line in lines {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.replacingOccurrences(of: #"\|"#, with: "").split(separator: "|", omittingEmptySubsequences: false).count
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
    }
}
