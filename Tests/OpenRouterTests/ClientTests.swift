import Domain
import Foundation
import Logging
import OpenRouterAPI
import OpenRouterClient
import OpenRouterSimulator
import TestSupport
import Testing

/// The client against the simulator over real loopback HTTP: no mocked transport.
@Suite struct ClientTests {
    static let fastRetries = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(20), maxDelay: .milliseconds(200))

    static func withClient<T: Sendable>(
        faults: FaultSettings = FaultSettings(), key: ((SimulatorHarness) async throws -> KeySecret)? = nil,
        maxConcurrentRequests: Int = 8, logger: LogCapture? = nil,
        _ body: (OpenRouterClient, SimulatorHarness) async throws -> T
    ) async throws -> T {
        try await SimulatorHarness.with(faults: faults) { sim in
            let secret = try await key?(sim) ?? sim.managementKey
            let client = OpenRouterClient(
                configuration: try OpenRouterConfiguration(baseURL: sim.baseURL, managementKey: secret),
                maxConcurrentRequests: maxConcurrentRequests, retryPolicy: fastRetries,
                logger: logger?.logger() ?? .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            do {
                let result = try await body(client, sim)
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    static func faults(_ change: (inout FaultSettings) -> Void) -> FaultSettings {
        var faults = FaultSettings()
        change(&faults)
        return faults
    }

    @Test func listFetchesEveryPageOfMoreThan250Keys() async throws {
        try await Self.withClient { client, sim in
            for index in 0..<263 { _ = try await sim.state.create(CreateKeyRequest(name: "key-\(index)")) }
            let keys = try await client.listKeys()
            #expect(keys.count == 263)
            #expect(Set(keys.map(\.hash)).count == 263)
        }
    }

    @Test(arguments: [200, 1_050])
    func listKeepsTheAPIsOrderAcrossPagesInFlightAtOnce(count: Int) async throws {
        try await Self.withClient { client, sim in
            for index in 0..<count { _ = try await sim.state.create(CreateKeyRequest(name: "key-\(index)")) }
            var expected: [KeyHash] = []
            for offset in stride(from: 0, through: count, by: KeyListResponse.pageSize) {
                expected += await sim.state.list(includeDisabled: true, offset: offset, workspaceID: nil).map(\.hash)
            }
            #expect(expected.count == count)
            #expect(try await client.listKeys().map(\.hash) == expected)
        }
    }

    @Test func aFirstPageFetchedAheadIsUsedInsteadOfFetchedAgain() async throws {
        try await Self.withClient { client, sim in
            for index in 0..<250 { _ = try await sim.state.create(CreateKeyRequest(name: "key-\(index)")) }
            let first = try await client.listPage(offset: 0)
            let expected = try await client.listKeys().map(\.hash)
            #expect(try await client.listKeys(firstPage: first).map(\.hash) == expected)
            // The page given is taken as it is, not fetched again.
            var marked = first
            marked[0].name = "given, not fetched"
            let listed = try await client.listKeys(firstPage: marked)
            #expect(listed.first?.name == "given, not fetched")
            #expect(listed.count == 250)
        }
    }

    @Test func listIncludesDisabledKeys() async throws {
        try await Self.withClient { client, sim in
            let off = try await sim.state.create(CreateKeyRequest(name: "off"))
            _ = try await sim.state.create(CreateKeyRequest(name: "on"))
            _ = try await sim.state.update(off.data.hash, UpdateKeyRequest(disabled: true))
            let keys = try await client.listKeys()
            #expect(keys.count == 2)
            #expect(keys.first { $0.hash == off.data.hash }?.disabled == true)
        }
    }

    /// What the client decided to wait is in its log (`wait_ms`); the simulator's counts show the
    /// one 429 and the retry. No clock is read: a time bound says nothing a loaded machine cannot break.
    @Test func rateLimitedRequestWaitsForRetryAfter() async throws {
        let faults = Self.faults { $0.rateLimitNext = 1; $0.retryAfterSeconds = 1 }
        let capture = LogCapture()
        try await Self.withClient(faults: faults, logger: capture) { client, sim in
            let current = try await client.currentKey()
            #expect(current.isManagementKey)
            let counts = await sim.faults.counts
            #expect(counts.rateLimited == 1)
            #expect(counts.requests == 2)
        }
        let retries = capture.all.filter { $0.contains("retrying") }
        #expect(retries.count == 1, "\(capture.all)")
        let wait = retries.first.flatMap { $0.firstMatch(of: /wait_ms"?: "?(\d+)/) }.flatMap { Int($0.1) }
        #expect((wait ?? 0) >= 1000, "the client did not wait out Retry-After: \(retries)")
    }

    @Test func serverErrorsAreRetriedForIdempotentRequests() async throws {
        let faults = Self.faults { $0.serverErrorNext = 1; $0.unavailableNext = 1; $0.retryAfterSeconds = 0 }
        try await Self.withClient(faults: faults) { client, sim in
            let key = try await sim.state.create(CreateKeyRequest(name: "k"))
            let updated = try await client.updateKey(key.data.hash, UpdateKeyRequest(name: "renamed"))
            #expect(updated.name == "renamed")
            #expect(await sim.faults.settings.serverErrorNext == 0)
            #expect(await sim.faults.settings.unavailableNext == 0)
        }
    }

    @Test func droppedCreateResponseIsAmbiguousAndMakesNoDuplicate() async throws {
        let faults = Self.faults { $0.dropNext = 1; $0.routes = ["POST /keys"] }
        try await Self.withClient(faults: faults) { client, sim in
            let marker = CreationMarker.random()
            let outcome = try await client.createKey(CreateKeyRequest(name: "acme-prod [\(marker)]"), marker: marker)
            guard case .ambiguous(let ambiguous) = outcome else {
                Issue.record("expected an ambiguous create, got \(outcome)")
                return
            }
            #expect(ambiguous.marker == marker)
            let found = try await client.findKeys(marker: marker)
            #expect(found.count == 1)
            #expect(await sim.state.keyCount == 1)
        }
    }

    @Test func createIsNotRepeatedAfterAServerError() async throws {
        let faults = Self.faults { $0.serverErrorNext = 1; $0.routes = ["POST /keys"] }
        try await Self.withClient(faults: faults) { client, sim in
            let marker = CreationMarker.random()
            let outcome = try await client.createKey(CreateKeyRequest(name: "k \(marker)"), marker: marker)
            guard case .ambiguous = outcome else {
                Issue.record("expected an ambiguous create, got \(outcome)")
                return
            }
            #expect(await sim.state.keyCount == 0)
        }
    }

    @Test func createIsRetriedAfter429() async throws {
        let faults = Self.faults { $0.rateLimitNext = 1; $0.retryAfterSeconds = 0; $0.routes = ["POST /keys"] }
        try await Self.withClient(faults: faults) { client, sim in
            let marker = CreationMarker.random()
            let outcome = try await client.createKey(CreateKeyRequest(name: "k \(marker)"), marker: marker)
            guard case .created(let created) = outcome else {
                Issue.record("expected a created key, got \(outcome)")
                return
            }
            #expect(created.key.revealed.hasPrefix("sk-or-v1-"))
            #expect(await sim.state.keyCount == 1)
        }
    }

    @Test func deleteWhoseResponseWasDroppedStillSucceeds() async throws {
        let faults = Self.faults { $0.dropNext = 1; $0.routes = ["DELETE /keys/{hash}"] }
        try await Self.withClient(faults: faults) { client, sim in
            let key = try await sim.state.create(CreateKeyRequest(name: "k"))
            try await client.deleteKey(key.data.hash)
            #expect(await sim.state.keyCount == 0)
        }
    }

    @Test func regularKeyIsRefusedWithAnActionableMessage() async throws {
        try await Self.withClient(key: { sim in try await sim.state.create(CreateKeyRequest(name: "inference")).key }) { client, _ in
            let error = await #expect(throws: OpenRouterClientError.self) { try await client.verifyManagementKey() }
            #expect(error.map(String.init(describing:))?.hasPrefix(
                "this is a regular (inference) key; key management needs a management key: ") == true)
            let listError = await #expect(throws: OpenRouterClientError.self) { try await client.listKeys() }
            #expect(listError == .notAManagementKey(label: nil))
        }
    }

    @Test func unknownManagementKeyIsReportedAsRejected() async throws {
        try await Self.withClient(key: { _ in try KeyMaterial.newSecret() }) { client, _ in
            let error = await #expect(throws: OpenRouterClientError.self) { try await client.verifyManagementKey() }
            #expect(error.map(String.init(describing:))?.hasPrefix("the management key was rejected") == true)
        }
    }

    @Test func deletedKeyIsReportedAsNoLongerExisting() async throws {
        try await Self.withClient { client, _ in
            let hash = KeyHash(String(repeating: "cd", count: 32))
            let error = await #expect(throws: OpenRouterClientError.self) { try await client.getKey(hash) }
            #expect(error.map(String.init(describing:))?.hasPrefix("key no longer exists") == true)
        }
    }

    /// The simulator holds requests until two have arrived, so two are surely in flight at once
    /// (no latency to make overlap likely); the client's limit must keep it at two.
    @Test func requestsInFlightStayWithinTheGlobalLimit() async throws {
        let faults = Self.faults { $0.holdRequests = true }
        try await Self.withClient(faults: faults, maxConcurrentRequests: 2) { client, sim in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { _ = try await client.currentKey() } }
                for _ in 0..<4 { group.addTask { _ = try await client.listPage(offset: 0) } }
                await sim.faults.waitUntilHeld(2)
                await sim.faults.replace(with: FaultSettings())
                try await group.waitForAll()
            }
            // Counted by the simulator, as it handled them.
            #expect(sim.faults.inFlight.peak == 2)
            #expect(await sim.faults.counts.requests == 12)
        }
    }

    @Test func managementKeyNeverReachesLogsOrErrors() async throws {
        let capture = LogCapture()
        let faults = Self.faults { $0.rateLimitNext = 1; $0.serverErrorNext = 1; $0.retryAfterSeconds = 0 }
        var errorTexts: [String] = []
        let secret = try await Self.withClient(faults: faults, logger: capture) { client, sim in
            var texts: [String] = ["\(client.configuration)", String(reflecting: client.configuration)]
            _ = try await client.verifyManagementKey()
            let marker = CreationMarker.random()
            _ = try await client.createKey(CreateKeyRequest(name: "k \(marker)"), marker: marker)
            for operation in [
                { _ = try await client.getKey(KeyHash(String(repeating: "0", count: 64))) },
                { _ = try await client.createKey(CreateKeyRequest(name: ""), marker: marker) },
                { _ = try await client.createKey(CreateKeyRequest(name: "no marker"), marker: marker) },
            ] as [@Sendable () async throws -> Void] {
                do { try await operation() } catch { texts += ["\(error)", String(reflecting: error)] }
            }
            return (sim.managementKey.revealed, texts)
        }
        errorTexts = secret.1
        let key = secret.0
        #expect(errorTexts.count >= 6)
        #expect(!capture.all.isEmpty)
        for line in capture.all + errorTexts { #expect(!line.contains(key), "leaked in: \(line)") }
        // A short fragment too: the masked preview shows at most 8 + 4 characters.
        for line in capture.all + errorTexts { #expect(!line.contains(key.dropFirst(9).prefix(16))) }
    }
}
