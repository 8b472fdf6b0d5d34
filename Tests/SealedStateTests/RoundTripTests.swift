import TestSupport
import StateModel
import Domain
import Foundation
import SealedState
import Testing

struct RoundTripTests {
    @Test func passphraseRecipientOpensWhatItSealed() throws {
        let sandbox = try Sandbox()
        let passphrase = Passphrase("correct horse battery staple")
        var opened = try sandbox.store.initialize(recipients: [.passphrase(passphrase, testKDF)])
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(1))
        try sandbox.store.write(&opened)

        let reopened = try sandbox.store.open(with: Credentials(passphrase: passphrase))
        #expect(try reopened.secret(for: address("acme/prod-api")) == makeSecret(1))
        #expect(reopened.state == opened.state)
        #expect(reopened.state.serial == 2)
    }

    @Test func identityRecipientOpensWhatItSealed() throws {
        let sandbox = try Sandbox()
        let identity = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.x25519(identity.recipient)])
        try opened.upsert(makeEntry("acme/alice/personal"), secret: makeSecret(2))
        try sandbox.store.write(&opened)

        let reopened = try sandbox.store.open(with: Credentials(identities: [identity]))
        #expect(try reopened.secret(for: address("acme/alice/personal")) == makeSecret(2))
    }

    @Test func pbkdf2PassphraseRecipientOpens() throws {
        let sandbox = try Sandbox()
        let passphrase = Passphrase("pbkdf2 works too")
        _ = try sandbox.store.initialize(recipients: [.passphrase(passphrase, .pbkdf2SHA256(iterations: 1000))])
        #expect(try sandbox.store.open(with: Credentials(passphrase: passphrase)).state.serial == 1)
    }

    @Test func eachOfTwoRecipientsOpensAlone() throws {
        let sandbox = try Sandbox()
        let passphrase = Passphrase("one")
        let identity = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(passphrase, testKDF), .x25519(identity.recipient)])
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(3))
        try sandbox.store.write(&opened)
        #expect(try sandbox.store.open(with: Credentials(passphrase: passphrase)).secret(for: address("acme/prod-api")) == makeSecret(3))
        #expect(try sandbox.store.open(with: Credentials(identities: [identity])).secret(for: address("acme/prod-api")) == makeSecret(3))
    }

    @Test func everyReadableFieldSurvivesARoundTrip() throws {
        let sandbox = try Sandbox()
        let passphrase = Passphrase("fields")
        var opened = try sandbox.store.initialize(recipients: [.passphrase(passphrase, testKDF)])
        var entry = makeEntry("globex/bob/ci", limit: "12.5")
        entry.values.limitReset = .daily
        entry.values.includeBYOKInLimit = true
        entry.values.disabled = true
        entry.values.expiresAt = Date(timeIntervalSince1970: 1_800_000_000)
        entry.rotatedAt = Date(timeIntervalSince1970: 1_760_000_000.75)
        entry.generation = 3
        entry.predecessor = RotationPredecessor(hash: "old-hash", deleteAfter: Date(timeIntervalSince1970: 1_760_086_400))
        entry.protect = true
        entry.labels = ["env": "production", "team": "web"]
        try opened.upsert(entry, secret: makeSecret(4))
        try opened.upsert(makeEntry("globex/adopted"))
        try sandbox.store.write(&opened)

        let reopened = try sandbox.store.open(with: Credentials(passphrase: passphrase))
        #expect(reopened.state.entries == opened.state.entries)
        let read = try #require(reopened.state[address("globex/bob/ci")])
        #expect(read.values.limit == USD(decimal: "12.5"))
        #expect(read.rotatedAt == Date(timeIntervalSince1970: 1_760_000_000))
        #expect(read.preview == makeSecret(4).preview)
        #expect(reopened.state[address("globex/adopted")]?.secretStatus == .unknown)
        #expect(try reopened.secret(for: address("globex/adopted")) == nil)
    }

    @Test func metadataChangeKeepsTheSealedSecret() throws {
        let sandbox = try Sandbox()
        let passphrase = Passphrase("keep")
        var opened = try sandbox.store.initialize(recipients: [.passphrase(passphrase, testKDF)])
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(5))
        let sealed = opened.state[address("acme/prod-api")]?.sealedSecret
        try opened.upsert(makeEntry("acme/prod-api", limit: "99"))
        #expect(opened.state[address("acme/prod-api")]?.sealedSecret == sealed)
        #expect(try opened.secret(for: address("acme/prod-api")) == makeSecret(5))
    }

    @Test func removingTheLastKeyOfAClientRemovesItsFile() throws {
        let sandbox = try Sandbox()
        let passphrase = Passphrase("remove")
        var opened = try sandbox.store.initialize(recipients: [.passphrase(passphrase, testKDF)])
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(6))
        try sandbox.store.write(&opened)
        #expect(FileManager.default.fileExists(atPath: sandbox.file("clients/acme.json").path))
        opened.remove(address("acme/prod-api"))
        try sandbox.store.write(&opened)
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("clients/acme.json").path))
        #expect(try sandbox.store.open(with: Credentials(passphrase: passphrase)).state.entries.isEmpty)
    }

    @Test func initializeRefusesAnExistingState() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.store.initialize(recipients: [.passphrase(Passphrase("a"), testKDF)])
        #expect(throws: StateError.alreadyInitialized(folder: "state")) {
            try sandbox.store.initialize(recipients: [.passphrase(Passphrase("b"), testKDF)])
        }
    }
}
