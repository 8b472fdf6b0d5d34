import Domain
import Foundation
import SealedState
import Testing

struct RecipientTests {
    @Test func addedRecipientOpensAndOldOnesStillDo() throws {
        let sandbox = try Sandbox()
        let passphrase = Passphrase("first")
        let laptop = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(passphrase, testKDF)])
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(20))
        try opened.addRecipient(.x25519(laptop.recipient))
        try sandbox.store.write(&opened)
        #expect(try sandbox.store.open(with: Credentials(identities: [laptop])).secret(for: address("acme/prod-api")) == makeSecret(20))
        #expect(try sandbox.store.open(with: Credentials(passphrase: passphrase)).secret(for: address("acme/prod-api")) == makeSecret(20))
    }

    @Test func rekeyRemovingARecipientLocksItOutOfNewerState() throws {
        let sandbox = try Sandbox()
        let operatorIdentity = try Identity.generate()
        let ciRunner = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.x25519(operatorIdentity.recipient), .x25519(ciRunner.recipient)])
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(21))
        try sandbox.store.write(&opened)
        let before = try sandbox.read("clients/acme.json")
        #expect(try sandbox.store.open(with: Credentials(identities: [ciRunner])).state.serial == 2)

        try opened.removeRecipient(.x25519(ciRunner.recipient))
        try sandbox.store.write(&opened)

        #expect(throws: StateError.credentialsDoNotMatch(recipients: 1, tried: "identity \(ciRunner.recipient)")) {
            try sandbox.store.open(with: Credentials(identities: [ciRunner]))
        }
        let reopened = try sandbox.store.open(with: Credentials(identities: [operatorIdentity]))
        #expect(try reopened.secret(for: address("acme/prod-api")) == makeSecret(21))
        #expect(try sandbox.read("clients/acme.json") != before, "the secret was re-encrypted under the new data key")
    }

    @Test func rekeyChangesThePassphrase() throws {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Passphrase("old"), testKDF)])
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(22))
        try opened.rekey(newPassphrase: Passphrase("new"))
        try sandbox.store.write(&opened)
        #expect(throws: StateError.self) { try sandbox.store.open(with: Credentials(passphrase: Passphrase("old"))) }
        #expect(try sandbox.store.open(with: Credentials(passphrase: Passphrase("new"))).secret(for: address("acme/prod-api")) == makeSecret(22))
    }

    @Test func rekeyNeedsThePassphraseToRewrapThePassphraseRecipient() throws {
        let sandbox = try Sandbox()
        let identity = try Identity.generate()
        _ = try sandbox.store.initialize(recipients: [.passphrase(Passphrase("pw"), testKDF), .x25519(identity.recipient)])
        var opened = try sandbox.store.open(with: Credentials(identities: [identity]))
        #expect(throws: StateError.passphraseNeededToRekey) { try opened.rekey() }
    }

    @Test func removingTheLastRecipientIsRefused() throws {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Passphrase("only"), testKDF)])
        #expect(throws: StateError.lastRecipient) { try opened.removeRecipient(.passphrase) }
    }

    @Test func addingAnExistingRecipientIsRefused() throws {
        let sandbox = try Sandbox()
        let identity = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.x25519(identity.recipient)])
        #expect(throws: StateError.recipientExists(identity.recipient.description)) { try opened.addRecipient(.x25519(identity.recipient)) }
    }

    @Test func identityTextRoundTrips() throws {
        let identity = try Identity.generate()
        let parsed = try Identity(parsing: identity.fileText)
        #expect(parsed == identity)
        #expect(RecipientKey(identity.recipient.description) == identity.recipient)
        #expect(!identity.description.contains(String(identity.fileText.split(separator: "\n")[1].dropFirst(20))))
    }
}
