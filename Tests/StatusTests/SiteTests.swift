import Domain
import Foundation
import Site
import Status
import Testing
import TestSupport

@Suite struct SiteTests {
    let golden = Golden.folder().appendingPathComponent("Golden/site")

    private func render(_ fixture: StatusFixture, options: SiteOptions = SiteOptions()) throws -> [SiteFile] {
        try StaticSite.render(report: StatusReport(fixture.snapshot), history: StatusFixture.history, docs: StatusFixture.docs,
                              options: options)
    }

    @Test(arguments: [
        "index.html", "clients/acme.html", "clients/globex.html", "keys/acme/prod-api.html", "keys/acme/alice/personal.html",
        "changelog.html", "unmanaged.html", "docs/guide.html", "docs/index.html",
    ])
    func sitePageMatchesItsGoldenFile(_ path: String) throws {
        let files = try render(try StatusFixture())
        let file = try #require(files.first { $0.path == path })
        if let diff = try Golden.compare(file.text, with: golden.appendingPathComponent(path)) { Issue.record("\(diff)") }
    }

    @Test func theSiteHasAPageForEveryClientKeyAndDoc() throws {
        let paths = Set(try render(try StatusFixture()).map(\.path))
        for expected in [
            "index.html", "style.css", "unmanaged.html", "changelog.html", "clients/acme.html", "clients/globex.html",
            "clients/initech.html", "keys/acme/prod-api.html", "keys/acme/bob/old.html", "keys/globex/legacy.html",
            "keys/initech/new-key.html", "docs/index.html", "docs/guide.html", "docs/reference.html", "docs/nested/deep.html",
            "docs/images/flow.svg",
        ] {
            #expect(paths.contains(expected), "\(expected)")
        }
    }

    @Test func everyLinkInTheGeneratedSiteResolves() throws {
        let fixture = try StatusFixture()
        let output = fixture.directory.url.appendingPathComponent("site")
        try SiteWriter.write(try render(fixture), to: output)
        #expect(try LinkChecker.brokenLinks(in: output) == [])
    }

    @Test func everyLinkResolvesWhenKeyListsAndTheChangelogArePaged() throws {
        let fixture = try StatusFixture()
        let output = fixture.directory.url.appendingPathComponent("site")
        let files = try render(fixture, options: SiteOptions(attentionLimit: 1, keysPerClientPage: 2, appliesPerChangelogPage: 1, changesPerApply: 2, chartClients: 1))
        try SiteWriter.write(files, to: output)
        #expect(files.contains { $0.path == "clients/acme/page-2.html" })
        #expect(files.contains { $0.path == "changelog/page-2.html" })
        #expect(try LinkChecker.brokenLinks(in: output) == [])
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let fixture = try StatusFixture()
        var shuffled = fixture.snapshot
        shuffled.entries.reverse()
        let first = try render(fixture)
        let second = try StaticSite.render(report: StatusReport(shuffled), history: StatusFixture.history, docs: StatusFixture.docs)
        #expect(first == second)
    }

    @Test func textFromManifestsAndDocsIsEscaped() throws {
        let files = try render(try StatusFixture())
        let all = files.filter { $0.path.hasSuffix(".html") }.map(\.text).joined()
        #expect(!all.contains("<Labs>"))
        #expect(all.contains("Globex &lt;Labs&gt; | R&amp;D *"))
        #expect(!all.contains("<script"))
        #expect(!all.contains("manual <test>"))
    }

    @Test func thePagesUseNoJavaScriptAndOnlyRelativeLinks() throws {
        for file in try render(try StatusFixture()) where file.path.hasSuffix(".html") {
            #expect(!file.text.contains("<script"), "\(file.path)")
            #expect(file.text.range(of: #" on[a-z]+=""#, options: .regularExpression) == nil, "\(file.path) has an event handler")
            #expect(!LinkChecker.references(in: file.text).contains { $0.hasPrefix("/") }, "\(file.path)")
        }
    }

    @Test func docsHeadingsGetAnchorsAndMarkdownLinksPointAtPages() throws {
        let guide = try #require(try render(try StatusFixture()).first { $0.path == "docs/guide.html" }).text
        #expect(guide.contains(#"<h2 id="set-up-keys">Set up keys</h2>"#))
        #expect(guide.contains(#"href="reference.html#limits""#))
    }

    @Test func theSiteWriterRefusesAFolderItDidNotWrite() throws {
        let fixture = try StatusFixture()
        let output = fixture.directory.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter.write(try render(fixture), to: output) }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
    }

    @Test func theSiteWriterRemovesPagesOfKeysThatAreGone() throws {
        let fixture = try StatusFixture()
        let output = fixture.directory.url.appendingPathComponent("site")
        try SiteWriter.write(try render(fixture), to: output)
        var smaller = fixture.snapshot
        smaller.entries.removeAll { $0.address == address("globex/legacy") }
        let files = try StaticSite.render(report: StatusReport(smaller), history: StatusFixture.history, docs: StatusFixture.docs)
        let summary = try SiteWriter.write(files, to: output)
        #expect(summary.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("keys/globex/legacy.html").path))
    }
}
