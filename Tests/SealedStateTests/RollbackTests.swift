import Domain
import Foundation
import Git
import SealedState
import Testing

/// The state committed at HEAD vouches for the lineage and the lowest acceptable serial.
struct RollbackTests {
    static let passphrase = Passphrase("rollback")
    static let author = Signature(name: "keyplane test", email: "test@example.com", date: Date(timeIntervalSince1970: 1_750_000_000))

    func commitState(_ repository: GitRepository, _ sandbox: Sandbox, _ message: String) throws {
        try repository.commit(paths: try sandbox.store.filePaths(relativeTo: sandbox.directory.url), message: message, author: Self.author)
    }

    @Test func olderCopyOfTheStateIsRefusedAsARollback() throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository.create(at: sandbox.directory.url)
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        try commitState(repository, sandbox, "state 1")
        let oldHeader = try sandbox.read("keyplane-state.json")

        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(40))
        try sandbox.store.write(&opened)
        try commitState(repository, sandbox, "state 2")

        try sandbox.write(oldHeader, to: "keyplane-state.json")
        try FileManager.default.removeItem(at: sandbox.file("clients/acme.json"))
        let error = #expect(throws: StateError.self) { try sandbox.store.open(with: Credentials(passphrase: Self.passphrase)) }
        guard case .rollback(1, 2, _)? = error else { Issue.record("expected a rollback refusal, got \(String(describing: error))"); return }
        #expect(error?.description.contains("git checkout") == true)
    }

    @Test func stateWithAnotherLineageIsRefused() throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository.create(at: sandbox.directory.url)
        _ = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        try commitState(repository, sandbox, "state 1")

        try FileManager.default.removeItem(at: sandbox.store.folder)
        var other = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        try sandbox.store.write(&other)
        let error = #expect(throws: StateError.self) { try sandbox.store.open(with: Credentials(passphrase: Self.passphrase)) }
        guard case .lineageMismatch? = error else { Issue.record("expected a lineage refusal, got \(String(describing: error))"); return }
    }

    @Test func uncommittedNewerStateOpens() throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository.create(at: sandbox.directory.url)
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        try commitState(repository, sandbox, "state 1")
        try opened.upsert(makeEntry("acme/prod-api"), secret: makeSecret(41))
        try sandbox.store.write(&opened)
        #expect(try sandbox.store.open(with: Credentials(passphrase: Self.passphrase)).state.serial == 2)
    }
}
