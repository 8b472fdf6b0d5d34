import Domain
import Foundation
@testable import SealedState
import StateModel
import TestSupport
import Testing

/// Format 2 keeps each client's workspace record and each key's workspace in the client file,
/// under the MAC, and reads format 1 states as states without them.
@Suite("workspace records in the state")
struct WorkspaceRecordTests {
    static let passphrase = Passphrase("workspace records")

    static func workspace(_ client: String) -> WorkspaceEntry {
        WorkspaceEntry(client: ClientID(client)!, id: "550e8400-e29b-41d4-a716-446655440000", values: WorkspaceValues(
            slug: client, name: "Acme \"Corp\"", description: "resold", includeBYOKInBudgets: true,
            budgets: WorkspaceBudgets([.monthly: USD(decimal: "500")!, .daily: USD(decimal: "20.5")!])))
    }

    @Test("a workspace record and a key's workspace survive a write and an open, even for a client without keys")
    func roundTrip() throws {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        var entry = makeEntry("acme/prod")
        entry.workspaceID = "550e8400-e29b-41d4-a716-446655440000"
        try opened.upsert(entry, secret: makeSecret(1))
        opened.upsert(Self.workspace("acme"))
        opened.upsert(Self.workspace("globex"))
        try sandbox.store.write(&opened)

        let reopened = try sandbox.store.open(with: Credentials(passphrase: Self.passphrase))
        #expect(reopened.state.workspaces == opened.state.workspaces)
        #expect(reopened.state[address("acme/prod")]?.workspaceID == "550e8400-e29b-41d4-a716-446655440000")
        #expect(FileManager.default.fileExists(atPath: sandbox.file("clients/globex.json").path))
        #expect(try sandbox.read("keyplane-state.json").contains("\"version\" : 2"))
    }

    @Test("an edited workspace record fails the MAC")
    func workspaceIsAuthenticated() throws {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        opened.upsert(Self.workspace("acme"))
        try sandbox.store.write(&opened)
        let text = try sandbox.read("clients/acme.json")
        #expect(text.contains("\"monthly\" : \"500\""))
        try sandbox.write(text.replacingOccurrences(of: "\"monthly\" : \"500\"", with: "\"monthly\" : \"5000\""), to: "clients/acme.json")
        #expect(throws: StateError.macMismatch(folder: "state")) {
            try sandbox.store.open(with: Credentials(passphrase: Self.passphrase))
        }
    }

    @Test("a format 1 state opens as one without workspaces and is written as format 2")
    func formatOneIsRead() throws {
        let sandbox = try Sandbox()
        var opened = try sandbox.store.initialize(recipients: [.passphrase(Self.passphrase, testKDF)])
        try opened.upsert(makeEntry("acme/prod"), secret: makeSecret(2))
        // A state without workspaces, as format 1 wrote it.
        try sandbox.store.write(&opened, version: 1)
        #expect(try sandbox.read("keyplane-state.json").contains("\"version\" : 1"))
        var reopened = try sandbox.store.open(with: Credentials(passphrase: Self.passphrase))
        #expect(reopened.formatVersion == 1)
        #expect(reopened.state.workspaces.isEmpty)
        #expect(try reopened.secret(for: address("acme/prod")) == makeSecret(2))
        try sandbox.store.write(&reopened)
        #expect(try sandbox.read("keyplane-state.json").contains("\"version\" : 2"))
        #expect(try sandbox.store.open(with: Credentials(passphrase: Self.passphrase)).state == reopened.state)
    }
}
