import Domain
import Foundation
@testable import SealedState
import StateModel
import TestSupport
import Testing

/// A write that stops at any point leaves the old state or the new one, whole: the next open
/// throws away a staging that was not marked complete, and finishes moving one that was.
@Suite("interrupted state writes")
struct InterruptedWriteTests {
    static let passphrase = Passphrase("interrupted writes")
    static var credentials: Credentials { Credentials(passphrase: passphrase) }

    /// A state with one key (`old`), and beside it the files of the same state after a write
    /// that added two more keys for two more clients (`new`).
    static func states() throws -> (old: Sandbox, newFiles: URL, newState: State) {
        let old = try Sandbox()
        var opened = try old.store.initialize(recipients: [.passphrase(passphrase, testKDF)])
        try opened.upsert(makeEntry("acme/prod"), secret: makeSecret(1))
        try old.store.write(&opened)
        let copy = old.directory.url.appendingPathComponent("next-state")
        try FileManager.default.copyItem(at: old.store.folder, to: copy)
        let next = StateStore(folder: copy, displayName: "state")
        var newer = try next.open(with: credentials)
        try newer.upsert(makeEntry("globex/web"), secret: makeSecret(2))
        try newer.upsert(makeEntry("initech/batch"), secret: makeSecret(3))
        try next.write(&newer)
        return (old, copy, newer.state)
    }

    /// Stages the new state's files into the old state's folder, as a write would.
    static func stage(_ old: Sandbox, from newFiles: URL, complete: Bool) throws {
        try old.store.beginStaging()
        for name in try FileManager.default.contentsOfDirectory(atPath: newFiles.appendingPathComponent("clients").path) {
            try old.store.stageClientFile(named: name, Array(try Data(contentsOf: newFiles.appendingPathComponent("clients/\(name)"))))
        }
        let header = Array(try Data(contentsOf: newFiles.appendingPathComponent("keyplane-state.json")))
        if complete {
            try old.store.completeStaging(removing: [], header: header)
        }
    }

    @Test("a staging never marked complete is thrown away: the old state opens, whole")
    func unmarkedStagingIsDiscarded() throws {
        let (old, newFiles, _) = try Self.states()
        try Self.stage(old, from: newFiles, complete: false)
        let opened = try old.store.open(with: Self.credentials)
        #expect(opened.state.entries.keys.map(\.description).sorted() == ["acme/prod"])
        #expect(!FileManager.default.fileExists(atPath: old.store.pendingURL.path))
    }

    @Test("a complete staging moved half into place is finished: the new state opens, whole, with no file left over")
    func markedStagingIsFinished() throws {
        let (old, newFiles, newState) = try Self.states()
        try Self.stage(old, from: newFiles, complete: true)
        // The run stopped after moving one client file: the state on disk is a mix.
        let pendingClients = old.store.pendingURL.appendingPathComponent("clients")
        try FileManager.default.moveItem(at: pendingClients.appendingPathComponent("globex.json"),
                                         to: old.store.folder.appendingPathComponent("clients/globex.json"))
        // And left a temporary file of its own.
        try old.write("torn", to: "clients/.initech.json.tmp-1-2")

        let opened = try old.store.open(with: Self.credentials)
        #expect(opened.state == newState)
        #expect(try opened.secret(for: address("initech/batch")) == makeSecret(3))
        #expect(!FileManager.default.fileExists(atPath: old.store.pendingURL.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: old.store.folder.appendingPathComponent("clients").path)
        #expect(left.sorted() == ["acme.json", "globex.json", "initech.json"])
    }
}
