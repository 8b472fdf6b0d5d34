import TestSupport
import StateModel
import Cryptography
import Domain
import Foundation
@testable import SealedState
import Testing

/// The files are Foundation's JSON rendering with sorted keys, and the MAC covers exactly what
/// the format page says.
struct FormatTests {
    static let passphrase = Passphrase("format")

    @Test func anAdoptedKeysClientFileIsExactlyThisText() throws {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        var entry = makeEntry("acme/alice/personal")
        entry.labels = ["env": "production"]
        try opened.upsert(entry)
        try sandbox.store.write(&opened)
        #expect(try sandbox.read("clients/acme.json") == """
            {
              "client" : "acme",
              "keys" : {
                "acme/alice/personal" : {
                  "created_at" : "2025-06-15T15:06:40Z",
                  "disabled" : false,
                  "generation" : 1,
                  "hash" : "hash-acme-alice-personal",
                  "include_byok_in_limit" : false,
                  "labels" : {
                    "env" : "production"
                  },
                  "limit" : "10.00",
                  "limit_reset" : "monthly",
                  "name" : "acme/alice/personal",
                  "preview" : "…",
                  "protect" : false,
                  "secret_status" : "unknown"
                }
              }
            }

            """)
    }

    @Test func keysAreSortedByTheirUTF8Bytes() throws {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        // Numeric or case-insensitive ordering (JSONSerialization's) would put key-9 before
        // key-10, and "alpha" before "Zeta".
        for key in ["acme/key-10", "acme/key-9", "acme/key_1", "acme/key-1"] {
            var entry = makeEntry(key)
            entry.labels = ["Zeta": "1", "alpha": "2", "a_b": "3", "a-b": "4", "x10": "5", "x9": "6"]
            try opened.upsert(entry, secret: makeSecret(key.count))
        }
        try opened.upsert(makeEntry("acme-eu/web"), secret: makeSecret(1))
        try sandbox.store.write(&opened)

        let lines = try sandbox.read("clients/acme.json").split(separator: "\n")
        let addresses = lines.filter { $0.hasPrefix("    \"acme/") }.map { String($0.split(separator: "\"")[1]) }
        #expect(addresses == ["acme/key-1", "acme/key-10", "acme/key-9", "acme/key_1"])
        let labels = lines.prefix { !$0.contains("\"limit\"") }.filter { $0.hasPrefix("        \"") }.map { String($0.split(separator: "\"")[1]) }
        #expect(labels == ["Zeta", "a-b", "a_b", "alpha", "x10", "x9"])
        #expect(try sandbox.store.open(with: Credentials(passphrase: Self.passphrase)).state.entries.count == 5)
    }

    @Test func theMACIsOverTheGenericCanonicalEncodingOfTheFiles() throws {
        let sandbox = try Sandbox()
        let identity = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF), .x25519(identity.recipient)])
        var entry = makeEntry("globex/bob/ci", limit: "12.5")
        entry.values.expiresAt = Date(timeIntervalSince1970: 1_800_000_000)
        entry.rotatedAt = Date(timeIntervalSince1970: 1_760_000_000)
        entry.predecessor = RotationPredecessor(hash: "old-hash", deleteAfter: Date(timeIntervalSince1970: 1_760_086_400))
        entry.protect = true
        entry.labels = ["team": "web", "env": "production"]
        try opened.upsert(entry, secret: makeSecret(1))
        try opened.upsert(makeEntry("globex/adopted"))
        try opened.upsert(makeEntry("acme/prod-api", limit: nil), secret: makeSecret(2))
        try opened.upsert(makeEntry("acme-eu/web"), secret: makeSecret(3))
        try sandbox.store.write(&opened)

        let decoder = JSONDecoder()
        guard case .object(var header) = try decoder.decode(GenericJSON.self, from: Data(contentsOf: sandbox.file("keyplane-state.json"))),
            case .string(let macHex)? = header.removeValue(forKey: "mac")
        else { Issue.record("the header is not an object with a mac"); return }
        var input = GenericJSON.frame(Array("keyplane-state-v1 mac".utf8)) + GenericJSON.object(header).canonical
        let clients = ["acme", "acme-eu", "globex"]
        input += GenericJSON.u64(clients.count)
        for client in clients {
            let document = try decoder.decode(GenericJSON.self, from: Data(contentsOf: sandbox.file("clients/\(client).json")))
            input += GenericJSON.frame(Array(client.utf8)) + document.canonical
        }
        #expect(Hex.encode(try Digest.hmacSHA256(key: opened.dataKey.macKey, input)) == macHex)
    }

    @Test func aFileWithAnUnknownFieldIsRefusedAsNotKeyplanesForm() throws {
        let (sandbox, _) = try RefusalTests.makeState()
        let text = try sandbox.read("clients/acme.json")
        try sandbox.write(text.replacingOccurrences(of: "\"client\" : \"acme\",", with: "\"client\" : \"acme\",\n  \"extra\" : true,"),
                          to: "clients/acme.json")
        #expect(throws: StateError.notCanonical(file: "state/clients/acme.json")) {
            try sandbox.store.open(with: Credentials(passphrase: RefusalTests.passphrase))
        }
    }

    @Test func reformattedWhitespaceIsRefused() throws {
        let (sandbox, _) = try RefusalTests.makeState()
        let text = try sandbox.read("keyplane-state.json")
        try sandbox.write(text.replacingOccurrences(of: "\" : ", with: "\": "), to: "keyplane-state.json")
        #expect(throws: StateError.notCanonical(file: "state/keyplane-state.json")) {
            try sandbox.store.open(with: Credentials(passphrase: RefusalTests.passphrase))
        }
    }

    @Test func aClientFileNamedForAnotherClientIsRefused() throws {
        let (sandbox, _) = try RefusalTests.makeState()
        try FileManager.default.moveItem(at: sandbox.file("clients/globex.json"), to: sandbox.file("clients/initech.json"))
        let error = #expect(throws: StateError.self) { try sandbox.store.open(with: Credentials(passphrase: RefusalTests.passphrase)) }
        guard case .malformed(file: "state/clients/initech.json", _)? = error else {
            Issue.record("expected a malformed-file refusal, got \(String(describing: error))")
            return
        }
    }

    @Test func writingAgainRewritesOnlyTheChangedClientsFile() throws {
        let (sandbox, _) = try RefusalTests.makeState()
        var opened = try sandbox.store.open(with: Credentials(passphrase: RefusalTests.passphrase))
        let globex = try FileManager.default.attributesOfItem(atPath: sandbox.file("clients/globex.json").path)[.modificationDate] as? Date
        let globexInode = try FileManager.default.attributesOfItem(atPath: sandbox.file("clients/globex.json").path)[.systemFileNumber] as? Int
        try opened.upsert(makeEntry("acme/prod-api", limit: "20"))
        try sandbox.store.write(&opened)
        let after = try FileManager.default.attributesOfItem(atPath: sandbox.file("clients/globex.json").path)
        #expect(after[.systemFileNumber] as? Int == globexInode, "globex.json was replaced although it did not change")
        #expect(after[.modificationDate] as? Date == globex)
        #expect(try sandbox.store.open(with: Credentials(passphrase: RefusalTests.passphrase)).state[address("acme/prod-api")]?.values.limit == USD(decimal: "20"))
    }
}

extension FormatTests {
    @Test func aStringEscapedOtherwiseThanKeyplaneWritesIsRefused() throws {
        let (sandbox, _) = try RefusalTests.makeState()
        let text = try sandbox.read("clients/acme.json")
        // The same value, with `/` escaped as JSON allows but keyplane does not write.
        try sandbox.write(text.replacingOccurrences(of: "\"acme/prod-api\" : {", with: "\"acme\\/prod-api\" : {"), to: "clients/acme.json")
        #expect(throws: StateError.notCanonical(file: "state/clients/acme.json")) {
            try sandbox.store.open(with: Credentials(passphrase: RefusalTests.passphrase))
        }
    }

    @Test func aDuplicatedKeyIsRefused() throws {
        let (sandbox, _) = try RefusalTests.makeState()
        let text = try sandbox.read("clients/acme.json")
        try sandbox.write(text.replacingOccurrences(of: "\"disabled\" : false,", with: "\"disabled\" : false,\n      \"disabled\" : false,"),
                          to: "clients/acme.json")
        let error = #expect(throws: StateError.self) { try sandbox.store.open(with: Credentials(passphrase: RefusalTests.passphrase)) }
        switch error {
        case .notCanonical(file: "state/clients/acme.json")?, .malformed(file: "state/clients/acme.json", _)?: break
        default: Issue.record("expected a refusal of the file's form, got \(String(describing: error))")
        }
    }
}

extension FormatTests {
    /// The associated data is exactly what the format page gives, so a script can open a secret
    /// with nothing but the secrets key, the lineage and the address.
    @Test func aSecretOpensWithTheAssociatedDataTheFormatPageGives() throws {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        try opened.upsert(makeEntry("acme/alice/personal"), secret: makeSecret(5))
        try sandbox.store.write(&opened)
        let sealed = try #require(opened.state[address("acme/alice/personal")]?.sealedSecret?.bytes)
        let aad = Array("keyplane-state-v1 secret \(opened.state.lineage) acme/alice/personal".utf8)
        let box = AESGCM.SealedBox(nonce: Array(sealed.prefix(12)), ciphertext: Array(sealed.dropFirst(12).dropLast(16)), tag: Array(sealed.suffix(16)))
        let plaintext = try AESGCM.open(box, key: opened.dataKey.secretsKey, associatedData: aad)
        #expect(String(decoding: plaintext, as: UTF8.self) == makeSecret(5).revealed)
    }
}
