import Foundation
@testable import SealedState
import Testing

/// `StateJSONWriter` writes exactly what Foundation's `JSONEncoder` renders for the same document
/// (the form the files promise and `open` demands), byte for byte, including the escapes, the key
/// order and the empty containers keyplane never writes but could be handed.
struct StateJSONWriterTests {
    /// The reference: the encoder keyplane used to render with, and the final newline.
    static func encoderRendering<Document: Encodable>(_ document: Document) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(document)) + [UInt8(ascii: "\n")]
    }

    static func expectSameRendering<Document: StateFileDocument>(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try encoderRendering(document)
        let written = StateJSON.render(document)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(written == expected, sourceLocation: sourceLocation)
    }

    /// Every control character, the characters JSON escapes, `/`, DEL, non-ASCII text, a
    /// combining accent, line and paragraph separators, a byte-order mark and an emoji.
    static let awkward: String = {
        var text = ""
        for value in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return text + "é e\u{301} \u{2028}\u{2029}\u{FEFF} 😀 ∑ \u{10FFFF} \\\"/"
    }()

    static func entry(_ address: String, everything: Bool) -> EntryDocument {
        EntryDocument(
            address: address, createdAt: "2025-06-15T15:06:40Z", disabled: everything, expiresAt: everything ? "2027-01-15T08:00:00Z" : nil,
            generation: everything ? 42 : 1, hash: "hash-\(address)", includeBYOKInLimit: everything,
            labels: everything ? ["env": "production", "Zeta": "1", "a-b": awkward, awkward: "key", "é": "x", "e\u{301}z": "y"] : nil,
            limit: everything ? "12.50" : nil, limitReset: everything ? "monthly" : nil, name: everything ? awkward : address,
            predecessorDeleteAfter: everything ? "2025-07-01T00:00:00Z" : nil, predecessorHash: everything ? "old-hash" : nil,
            preview: "sk-or-v1…9f2c", protect: everything, rotatedAt: everything ? "2025-06-30T23:59:59Z" : nil,
            secret: everything ? "AAAA/+Zm9vYmFy+/==" : nil, secretStatus: everything ? "sealed" : "unknown")
    }

    @Test func aClientDocumentWithEveryFieldAndAwkwardTextRendersAsTheEncoderDoes() throws {
        let entries = ["acme/key-10", "acme/key-9", "acme/Key", "acme/key_1", "acme/key-1", "acme/é", "acme/\u{1}", "acme/a\"b"]
            .enumerated().map { Self.entry($1, everything: $0 % 2 == 0) }
        let sorted = entries.sorted { StateJSON.utf8Precedes($0.address, $1.address) }
        try Self.expectSameRendering(ClientDocument(client: Self.awkward, sortedEntries: sorted))
    }

    @Test func aHeaderWithEveryKindOfRecipientRendersAsTheEncoderDoes() throws {
        let recipients = [
            RecipientDocument(kdf: "scrypt", salt: "c2FsdA==", scryptLog2N: 17, scryptP: 1, scryptR: 8, type: "passphrase", wrappedKey: "d3JhcA=="),
            RecipientDocument(kdf: "pbkdf2-sha256", pbkdf2Iterations: 600_000, salt: "c2FsdA==", type: "passphrase", wrappedKey: "d3JhcA=="),
            RecipientDocument(ephemeralKey: "ZXBo/w==", publicKey: "kp1" + String(repeating: "ab", count: 32), type: "x25519", wrappedKey: "d3JhcA=="),
        ]
        try Self.expectSameRendering(HeaderDocument(format: "keyplane-state", lineage: Self.awkward, mac: String(repeating: "0f", count: 32),
                                                    recipients: recipients, serial: Int64.max, version: Int64.min))
        try Self.expectSameRendering(HeaderDocument(format: "keyplane-state", lineage: "l", mac: nil, recipients: recipients, serial: -1, version: 0))
    }

    @Test func emptyContainersRenderAsTheEncoderDoes() throws {
        try Self.expectSameRendering(ClientDocument(client: "acme", sortedEntries: []))
        try Self.expectSameRendering(HeaderDocument(format: "keyplane-state", lineage: "l", mac: "m", recipients: [], serial: 1, version: 1))
        var entry = Self.entry("acme/web", everything: false)
        entry.labels = [:]
        try Self.expectSameRendering(ClientDocument(client: "acme", sortedEntries: [entry]))
    }

    @Test func randomTextRendersAsTheEncoderDoes() throws {
        // Characters from every escaping class, in random mixes and lengths, with a fixed seed.
        let pool = Array("\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F} !\"#/0:\\]az{}~\u{7F}\u{80}é\u{301}\u{2028}😀")
        var generator = SeededGenerator(seed: 0x6b65_7970_6c61_6e65)
        for round in 0..<200 {
            let entries = (0..<4).map { index -> EntryDocument in
                var entry = Self.entry("acme/key-\(round)-\(index)", everything: index % 2 == 0)
                entry.name = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
                entry.hash = String((0..<Int.random(in: 0...8, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
                return entry
            }
            try Self.expectSameRendering(ClientDocument(client: "acme", sortedEntries: entries.sorted { StateJSON.utf8Precedes($0.address, $1.address) }))
        }
    }

    @Test func theComparingWriterAcceptsExactlyTheRenderedBytes() throws {
        let entries = ["acme/a", "acme/b", "acme/c"].enumerated().map { Self.entry($1, everything: $0 != 1) }
        let document = ClientDocument(client: "acme", sortedEntries: entries)
        let bytes = StateJSON.render(document)
        #expect(StateJSON.rendersExactly(document, bytes))
        // One byte changed anywhere, one missing or one more, and the bytes are not the rendering.
        for index in stride(from: 0, to: bytes.count, by: 97) {
            var changed = bytes
            changed[index] = changed[index] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            #expect(!StateJSON.rendersExactly(document, changed), "byte \(index)")
        }
        #expect(!StateJSON.rendersExactly(document, Array(bytes.dropLast())))
        #expect(!StateJSON.rendersExactly(document, bytes + [UInt8(ascii: "\n")]))
        #expect(!StateJSON.rendersExactly(document, []))
    }

    @Test func decodingAndRenderingAStateFileGivesItsBytesBack() throws {
        let (sandbox, _) = try RefusalTests.makeState()
        for file in ["keyplane-state.json", "clients/acme.json", "clients/globex.json"] {
            let bytes = Array(try Data(contentsOf: sandbox.file(file)))
            let rendered = file.hasPrefix("clients/")
                ? StateJSON.render(try JSONDecoder().decode(ClientDocument.self, from: Data(bytes)))
                : StateJSON.render(try JSONDecoder().decode(HeaderDocument.self, from: Data(bytes)))
            #expect(rendered == bytes, "\(file)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing random case can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
