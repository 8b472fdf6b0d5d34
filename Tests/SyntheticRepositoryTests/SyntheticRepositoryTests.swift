import Domain
import Foundation
import Manifest
import SyntheticRepository
import Testing
import TestSupport

/// The manifests of a generated repository, loaded from memory as `keyplane validate` loads files.
private func load(_ repository: SyntheticRepository) -> ManifestLoader.Result {
    ManifestLoader.load(sources: repository.files.map { (file: "manifests/\($0.path)", text: $0.text) })
}

@Suite struct SyntheticRepositoryTests {
    @Test func theStandardShapeHasOneClientPerHundredKeys() throws {
        let thousand = try SyntheticShape(keys: 1_000)
        #expect((thousand.clients, thousand.usersPerClient, thousand.clientKeysPerClient) == (10, 50, 50))
        let tenThousand = try SyntheticShape(keys: 10_000)
        #expect((tenThousand.clients, tenThousand.users, tenThousand.keys) == (100, 5_000, 10_000))
        #expect(throws: SyntheticShapeError.self) { try SyntheticShape(keys: 1_050) }
    }

    @Test func generatedManifestsLoadWithoutAnyDiagnostic() throws {
        let result = load(SyntheticRepository(shape: try SyntheticShape(keys: 1_000), seed: 7))
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.manifest != nil)
    }

    @Test func generatedManifestsHaveExactlyTheRequestedClientsUsersAndKeys() throws {
        let shape = try SyntheticShape(clients: 3, usersPerClient: 4, clientKeysPerClient: 5)
        let result = load(SyntheticRepository(shape: shape, seed: 1))
        let manifest = try #require(result.manifest)
        #expect(result.files.count == 1 + 3)
        #expect(manifest.clients.count == 3)
        #expect(manifest.users.count == 12)
        #expect(manifest.keys.count == shape.keys)
        for client in manifest.clients {
            let keys = manifest.keys.filter { $0.address.client == client.id }
            let users = manifest.users.filter { $0.client == client.id }
            #expect(users.count == 4)
            #expect(keys.filter { $0.address.user == nil }.count == 5)
            // One personal key per user, and no other user keys.
            #expect(keys.compactMap(\.address.user).sorted() == users.map(\.id).sorted())
            #expect(keys.filter { $0.address.user != nil }.allSatisfy { $0.address.name.description == "personal" })
        }
    }

    @Test func keysMixLimitsResetsExpiriesRotationAndLabels() throws {
        let manifest = try #require(load(SyntheticRepository(shape: try SyntheticShape(keys: 1_000), seed: 1)).manifest)
        let settings = manifest.keys.map(\.settings)
        #expect(Set(settings.map(\.reset)) == [.daily, .weekly, .monthly, nil])
        #expect(Set(settings.compactMap(\.limit)).count >= 10)
        #expect(settings.contains { $0.limit == nil })
        #expect(Set(settings.map(\.expiry)).count >= 4)
        #expect(settings.filter { $0.rotation != nil }.count >= 10)
        #expect(settings.filter { $0.isProduction }.count >= 10)
        #expect(settings.contains { $0.disabled })
        #expect(settings.contains { $0.protect })
        #expect(settings.contains { $0.includeBYOKInLimit })
        // Every client keeps an enabled production key, so no plan guard trips on a fresh repository.
        for client in manifest.clients {
            #expect(manifest.keys.contains { $0.address.client == client.id && $0.settings.isProduction && !$0.settings.disabled })
        }
    }

    @Test func theSameSeedGivesTheSameFilesAndAnotherSeedOthers() throws {
        let shape = try SyntheticShape(clients: 4, usersPerClient: 6, clientKeysPerClient: 6)
        let first = SyntheticRepository(shape: shape, seed: 42).files
        #expect(first == SyntheticRepository(shape: shape, seed: 42).files)
        #expect(first != SyntheticRepository(shape: shape, seed: 43).files)
    }

    @Test func writtenFolderLoadsLikeTheFilesInMemory() throws {
        let directory = try TemporaryDirectory(prefix: "keyplane-synth")
        let folder = directory.url.appendingPathComponent("manifests")
        let repository = SyntheticRepository(shape: try SyntheticShape(clients: 2, usersPerClient: 3, clientKeysPerClient: 3), seed: 5)
        try repository.write(to: folder)
        let result = ManifestLoader.load(path: folder.path)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.manifest?.keys.count == 12)
        #expect(throws: (any Error).self) { try repository.write(to: folder) }
    }
}
