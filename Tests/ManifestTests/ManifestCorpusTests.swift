import Foundation
import Manifest
import TestSupport
import Testing

/// Every file in Corpus/ is a broken manifest; its `.expected` file holds the exact diagnostics,
/// each with its line and column. Record new ones with KEYPLANE_RECORD=1 and review them.
@Suite("manifest corpus")
struct ManifestCorpusTests {
    static let corpus = Golden.folder().appendingPathComponent("Corpus")
    static let now = try! ManifestDate.parse("2026-11-22T09:00:00Z")

    static var cases: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: corpus.path))?
            .filter { $0.hasSuffix(".yaml") }.sorted() ?? []
    }

    static func diagnostics(for name: String) throws -> ManifestLoader.Result {
        let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
        return ManifestLoader.load(sources: [(file: name, text: text)], now: now)
    }

    @Test("the corpus holds at least 30 broken manifests")
    func corpusIsLargeEnough() {
        #expect(Self.cases.count >= 30)
    }

    @Test("each broken manifest gets exactly its expected diagnostics", arguments: cases)
    func expectedDiagnostics(name: String) throws {
        let result = try Self.diagnostics(for: name)
        #expect(!result.diagnostics.isEmpty, "a corpus file must produce at least one diagnostic")
        let rendered = result.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let golden = Self.corpus.appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: ".expected"))
        if let diff = try Golden.compare(rendered, with: golden) { Issue.record(Comment(rawValue: diff)) }
    }

    @Test("a manifest with any error yields no model, one with only warnings still does", arguments: cases)
    func errorsWithholdTheModel(name: String) throws {
        let result = try Self.diagnostics(for: name)
        #expect((result.manifest == nil) == !result.errors.isEmpty)
    }

    @Test("a secret in a manifest is reported without echoing it", arguments: cases.filter { $0.contains("secret") })
    func secretsAreNotEchoed(name: String) throws {
        let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
        let result = try Self.diagnostics(for: name)
        let secretFindings = result.errors.filter { $0.message.contains("secrets must never be written") }
        #expect(!secretFindings.isEmpty)
        let tokens = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && !"-_+/=".contains($0) })
            .filter { $0.count >= 24 }
        #expect(!tokens.isEmpty)
        for diagnostic in result.diagnostics {
            for token in tokens {
                #expect(!diagnostic.message.contains(token.suffix(12)), "diagnostic echoes the secret: \(diagnostic.severity)")
            }
        }
    }
}
