import Domain
import Foundation
import Git
import SealedState
import Site
import Status
import Testing
import TestSupport

@Suite struct SecretLeakTests {
    @Test func noSecretNorItsPreviewNorAnyPartOfItAppearsInAnyGeneratedFile() throws {
        let fixture = try StatusFixture()
        let repository = try fixture.commitState(
            message: applyMessage("keyplane apply: 7 to create, 0 to update, 0 to replace, 0 to delete", plan: "sha256:cccc"),
            author: author("Ada Operator", "2026-03-01"))
        let output = fixture.directory.url.appendingPathComponent("site")
        try StaticSite.generate(snapshot: fixture.snapshot, repository: repository, docsFolder: nil, output: output)
        var generated: [(String, String)] = [("STATUS.md", StatusMarkdown.render(fixture.snapshot))]
        for path in try LinkChecker.allFiles(under: output) {
            generated.append((path, String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)))
        }
        #expect(generated.count > 10)
        #expect(fixture.secrets.count == 6)
        var needles: [String] = fixture.snapshot.entries.map(\.preview).filter { $0 != "…" }
        for secret in fixture.secrets {
            needles.append(secret.revealed)
            needles.append(secret.preview)
            let characters = Array(secret.revealed)
            for start in 0...(characters.count - 16) { needles.append(String(characters[start..<(start + 16)])) }
        }
        for (path, contents) in generated {
            for needle in needles where contents.contains(needle) {
                Issue.record("\(path) contains part of a secret: \(needle.prefix(6))…")
            }
        }
    }
}
