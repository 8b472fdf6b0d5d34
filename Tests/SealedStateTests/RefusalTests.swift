import TestSupport
import StateModel
import Domain
import Foundation
@testable import SealedState
import Testing

/// Every refusal in issue 4, and that nothing is written after one.
struct RefusalTests {
    static let passphrase = Passphrase("tamper test")

    /// A state with two keys in two clients, written twice (serial 2).
    static func makeState() throws -> (Sandbox, OpenedState) {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(passphrase, testKDF)])
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(10))
        try opened.upsert(makeEntry("acme/staging"), secret: makeSecret(11))
        try opened.upsert(makeEntry("globex/web"), secret: makeSecret(12))
        try sandbox.store.write(&opened)
        return (sandbox, opened)
    }

    func open(_ sandbox: Sandbox) throws -> OpenedState {
        try sandbox.store.open(with: Credentials(passphrase: Self.passphrase))
    }

    @Test func wrongPassphraseIsRefusedWithAHint() throws {
        let (sandbox, _) = try Self.makeState()
        let error = #expect(throws: StateError.self) { try sandbox.store.open(with: Credentials(passphrase: Passphrase("wrong"))) }
        #expect(error == .credentialsDoNotMatch(recipients: 1, tried: "a passphrase"))
        #expect(error?.description.contains("KEYPLANE_PASSPHRASE") == true)
    }

    @Test func wrongIdentityIsRefused() throws {
        let (sandbox, _) = try Self.makeState()
        let stranger = try Identity.generate()
        #expect(throws: StateError.self) { try sandbox.store.open(with: Credentials(identities: [stranger])) }
    }

    @Test func missingCredentialsAreRefused() throws {
        let (sandbox, _) = try Self.makeState()
        #expect(throws: StateError.noCredentials(recipients: 1)) { try sandbox.store.open(with: Credentials()) }
    }

    @Test func flippedBitInACiphertextIsRefused() throws {
        let (sandbox, _) = try Self.makeState()
        let text = try sandbox.read("clients/acme.json")
        let line = try #require(text.split(separator: "\n").first { $0.contains("\"secret\" :") })
        let value = line.split(separator: "\"")[3]
        var bytes = Array(Data(base64Encoded: String(value))!)
        bytes[14] ^= 0x01
        try sandbox.write(text.replacingOccurrences(of: String(value), with: Data(bytes).base64EncodedString()), to: "clients/acme.json")
        #expect(throws: StateError.macMismatch(folder: "state")) { try open(sandbox) }
    }

    @Test func flippedBitInTheMACIsRefused() throws {
        let (sandbox, _) = try Self.makeState()
        let text = try sandbox.read("keyplane-state.json")
        let line = try #require(text.split(separator: "\n").first { $0.contains("\"mac\" :") })
        let mac = String(line.split(separator: "\"")[3])
        let flipped = (mac.first == "0" ? "1" : "0") + mac.dropFirst()
        try sandbox.write(text.replacingOccurrences(of: mac, with: flipped), to: "keyplane-state.json")
        #expect(throws: StateError.macMismatch(folder: "state")) { try open(sandbox) }
    }

    @Test func editedReadableFieldIsRefused() throws {
        let (sandbox, _) = try Self.makeState()
        let text = try sandbox.read("clients/acme.json")
        try sandbox.write(text.replacingOccurrences(of: "\"limit\" : \"10.00\"", with: "\"limit\" : \"11.00\""), to: "clients/acme.json")
        #expect(try sandbox.read("clients/acme.json") != text)
        #expect(throws: StateError.macMismatch(folder: "state")) { try open(sandbox) }
    }

    @Test func deletedClientFileIsRefused() throws {
        let (sandbox, _) = try Self.makeState()
        try FileManager.default.removeItem(at: sandbox.file("clients/globex.json"))
        #expect(throws: StateError.macMismatch(folder: "state")) { try open(sandbox) }
    }

    @Test func reorderedLinesAreRefused() throws {
        let (sandbox, _) = try Self.makeState()
        var lines = try sandbox.read("clients/acme.json").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("\"created_at\"") })
        lines.swapAt(first, first + 1)
        try sandbox.write(lines.joined(separator: "\n"), to: "clients/acme.json")
        #expect(throws: StateError.notCanonical(file: "state/clients/acme.json")) { try open(sandbox) }
    }

    @Test func ciphertextSwappedBetweenKeysIsRefusedByTheAssociatedData() throws {
        let (sandbox, opened) = try Self.makeState()
        // Swap the two sealed secrets and re-seal the MAC, as someone holding the data key could:
        // only the associated data (the address) is left to catch it.
        var swapped = opened
        let first = try #require(opened.state[address("acme/prod-api")]?.sealedSecret)
        let second = try #require(opened.state[address("acme/staging")]?.sealedSecret)
        swapped.replaceSealedSecret(second, at: address("acme/prod-api"))
        swapped.replaceSealedSecret(first, at: address("acme/staging"))
        try sandbox.store.write(&swapped)

        let reopened = try open(sandbox)
        #expect(throws: StateError.secretDoesNotAuthenticate(address: "acme/prod-api")) {
            try reopened.secret(for: address("acme/prod-api"))
        }
        #expect(throws: StateError.secretDoesNotAuthenticate(address: "acme/staging")) {
            try reopened.secret(for: address("acme/staging"))
        }
        #expect(try reopened.secret(for: address("globex/web")) == makeSecret(12))
        // The MAC matches, so the state opens; checking every sealed secret finds the swap.
        #expect(throws: StateError.secretDoesNotAuthenticate(address: "acme/prod-api")) {
            try reopened.verifySealedSecrets()
        }
        #expect(throws: Never.self) { try open(Self.makeState().0).verifySealedSecrets() }
    }

    @Test func unknownFormatVersionIsRefusedNamingBoth() throws {
        let (sandbox, _) = try Self.makeState()
        let text = try sandbox.read("keyplane-state.json")
        try sandbox.write(text.replacingOccurrences(of: "\"version\" : 2", with: "\"version\" : 7"), to: "keyplane-state.json")
        let error = #expect(throws: StateError.self) { try open(sandbox) }
        #expect(error == .unsupportedVersion(found: 7, readable: [1, 2]))
        #expect(error?.description.contains("version 7") == true)
    }

    @Test func nothingIsWrittenAfterARefusedOpen() throws {
        let (sandbox, _) = try Self.makeState()
        try sandbox.write(try sandbox.read("clients/acme.json").replacingOccurrences(of: "10.00", with: "10.50"), to: "clients/acme.json")
        let before = try snapshot(sandbox)
        #expect(throws: StateError.self) { try open(sandbox) }
        #expect(throws: StateError.self) { try sandbox.store.open(with: Credentials(passphrase: Passphrase("wrong"))) }
        #expect(try snapshot(sandbox) == before)
    }

    @Test func writeRefusesWhenTheStateChangedSinceItWasOpened() throws {
        let (sandbox, _) = try Self.makeState()
        var first = try open(sandbox)
        var second = try open(sandbox)
        try first.upsert(makeEntry("acme/new"), secret: makeSecret(13))
        try sandbox.store.write(&first)
        second.remove(address("acme/prod-api"))
        #expect(throws: StateError.changedSinceOpened(openedSerial: 2, foundSerial: 3)) { try sandbox.store.write(&second) }
    }

    func snapshot(_ sandbox: Sandbox) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: sandbox.store.folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = sandbox.file(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}

extension RefusalTests {
    /// The data key is unwrapped before the client files are parsed, but a file's form is still
    /// reported before the credentials, whatever the credentials are.
    @Test func aFileNotInKeyplanesFormIsReportedBeforeTheCredentials() throws {
        let (sandbox, _) = try Self.makeState()
        let text = try sandbox.read("clients/globex.json")
        try sandbox.write(text.replacingOccurrences(of: "\" : ", with: "\": "), to: "clients/globex.json")
        for credentials in [Credentials(), Credentials(passphrase: Passphrase("wrong")), Credentials(passphrase: Self.passphrase)] {
            #expect(throws: StateError.notCanonical(file: "state/clients/globex.json")) { try sandbox.store.open(with: credentials) }
        }
    }
}
