import Foundation
@testable import SealedState
import Testing

/// Client files are read through cJSON first (`ClientDocument.read`), and `JSONDecoder` reads
/// whatever that fast path leaves. Both must come to the same document.
struct ClientFileFastPathTests {
    @Test func theFastPathReadsWhatJSONDecoderReadsFromEveryRendering() throws {
        let pool = Array("\u{1}\u{8}\u{9}\u{A}\u{1F} !\"#/0:\\]az{}~\u{7F}\u{80}é\u{301}\u{2028}😀")
        var generator = SeededGenerator(seed: 0x6661_7374)
        for round in 0..<100 {
            let entries = (0..<5).map { index -> EntryDocument in
                var entry = StateJSONWriterTests.entry("acme/key-\(round)-\(index)", everything: index % 2 == 0)
                entry.name = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
                // The fixture's labels hold a NUL, which the fast path leaves to JSONDecoder (tested below).
                if entry.labels != nil { entry.labels = ["env": "production", "é": entry.name, entry.name: "x"] }
                return entry
            }.sorted { StateJSON.utf8Precedes($0.address, $1.address) }
            let document = ClientDocument(client: "acme", sortedEntries: entries)
            let bytes = StateJSON.render(document)
            let decoded = try JSONDecoder().decode(ClientDocument.self, from: Data(bytes))
            #expect(ClientDocument.read(bytes) == decoded)
            #expect(try StateJSON.decodeCanonical(ClientDocument.self, from: bytes, name: "acme.json") == document)
        }
    }

    @Test func textWithANULGoesThroughJSONDecoderAndStillOpens() throws {
        var entry = StateJSONWriterTests.entry("acme/web", everything: true)
        entry.name = "before\u{0}after"
        let document = ClientDocument(client: "acme", sortedEntries: [entry])
        let bytes = StateJSON.render(document)
        #expect(ClientDocument.read(bytes) == nil)
        #expect(try StateJSON.decodeCanonical(ClientDocument.self, from: bytes, name: "acme.json") == document)
    }

    @Test func keysOutOfOrderOrRepeatedAreLeftToTheCanonicalCheck() throws {
        let first = StateJSONWriterTests.entry("acme/a", everything: false)
        let second = StateJSONWriterTests.entry("acme/b", everything: false)
        for entries in [[second, first], [first, first]] {
            let bytes = StateJSON.render(ClientDocument(client: "acme", sortedEntries: entries))
            #expect(ClientDocument.read(bytes) == nil)
            #expect(throws: StateError.self) { try StateJSON.decodeCanonical(ClientDocument.self, from: bytes, name: "acme.json") }
        }
    }
}
