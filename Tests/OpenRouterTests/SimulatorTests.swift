import Domain
import Foundation
import OpenRouterAPI
import OpenRouterSimulator
import TestSupport
import Testing

@Suite struct SimulatorTests {
    static func create(_ sim: SimulatorHarness, _ body: String = #"{"name":"k"}"#) async throws -> RawHTTP.Reply {
        try await RawHTTP.send("POST", "\(sim.baseURL)/keys", bearer: sim.managementKey.revealed, json: body)
    }

    @Test func createAnswers201WithSecretOnceAndMaskedLabel() async throws {
        try await SimulatorHarness.with { sim in
            let reply = try await Self.create(sim, #"{"name":"Customer Key","limit":10}"#)
            #expect(reply.status == 201)
            let secret = try #require(reply.object["key"] as? String)
            #expect(secret.wholeMatch(of: /sk-or-v1-[0-9a-f]{64}/) != nil)
            let data = try #require(reply.object["data"] as? [String: Any])
            let hash = try #require(data["hash"] as? String)
            #expect(hash.wholeMatch(of: /[0-9a-f]{64}/) != nil)
            #expect(data["label"] as? String == "sk-or-v1-\(secret.dropFirst(9).prefix(3))...\(secret.suffix(3))")
            #expect(data["limit_remaining"] as? Double == 10)
            let list = try await RawHTTP.send("GET", "\(sim.baseURL)/keys", bearer: sim.managementKey.revealed)
            let get = try await RawHTTP.send("GET", "\(sim.baseURL)/keys/\(hash)", bearer: sim.managementKey.revealed)
            #expect(!String(decoding: list.body + get.body, as: UTF8.self).contains(secret))
        }
    }

    @Test func listPagesHoldAHundredNewestFirst() async throws {
        try await SimulatorHarness.with { sim in
            for index in 0..<130 { _ = try await sim.state.create(CreateKeyRequest(name: "key-\(index)")) }
            let first = try await RawHTTP.send("GET", "\(sim.baseURL)/keys", bearer: sim.managementKey.revealed)
            let second = try await RawHTTP.send("GET", "\(sim.baseURL)/keys?offset=100", bearer: sim.managementKey.revealed)
            let firstPage = try #require(first.object["data"] as? [[String: Any]])
            let secondPage = try #require(second.object["data"] as? [[String: Any]])
            #expect(firstPage.count == 100)
            #expect(secondPage.count == 30)
            #expect(firstPage.first?["name"] as? String == "key-129")
            #expect(secondPage.last?["name"] as? String == "key-0")
        }
    }

    @Test func disabledKeysAreListedOnlyWhenAskedFor() async throws {
        try await SimulatorHarness.with { sim in
            let key = try await sim.state.create(CreateKeyRequest(name: "off"))
            _ = try await sim.state.create(CreateKeyRequest(name: "on"))
            _ = try await sim.state.update(key.data.hash, UpdateKeyRequest(disabled: true))
            let plain = try await RawHTTP.send("GET", "\(sim.baseURL)/keys", bearer: sim.managementKey.revealed)
            let all = try await RawHTTP.send("GET", "\(sim.baseURL)/keys?include_disabled=true", bearer: sim.managementKey.revealed)
            #expect((plain.object["data"] as? [Any])?.count == 1)
            #expect((all.object["data"] as? [Any])?.count == 2)
        }
    }

    @Test func expiresAtOutsideUTCIsRejected() async throws {
        try await SimulatorHarness.with { sim in
            let offset = try await Self.create(sim, #"{"name":"k","expires_at":"2027-12-31T23:59:59+02:00"}"#)
            let utc = try await Self.create(sim, #"{"name":"k","expires_at":"2027-12-31T23:59:59Z"}"#)
            #expect(offset.status == 400)
            #expect(utc.status == 201)
        }
    }

    @Test func patchAcceptsOnlyMutableFieldsAndNullClearsALimit() async throws {
        try await SimulatorHarness.with { sim in
            let key = try await sim.state.create(CreateKeyRequest(name: "k", limit: USD(5), limitReset: .daily))
            let url = "\(sim.baseURL)/keys/\(key.data.hash)"
            let immutable = try await RawHTTP.send("PATCH", url, bearer: sim.managementKey.revealed, json: #"{"expires_at":null}"#)
            #expect(immutable.status == 400)
            let cleared = try await RawHTTP.send("PATCH", url, bearer: sim.managementKey.revealed, json: #"{"limit":null}"#)
            let data = try #require(cleared.object["data"] as? [String: Any])
            #expect(cleared.status == 200)
            #expect(data["limit"] is NSNull)
            #expect(data["limit_remaining"] is NSNull)
            #expect(data["limit_reset"] as? String == "daily")
            #expect(data["updated_at"] is String)
        }
    }

    @Test func regularKeyIsForbiddenOnKeysButMayCallKey() async throws {
        try await SimulatorHarness.with { sim in
            let regular = try await sim.state.create(CreateKeyRequest(name: "inference")).key.revealed
            let list = try await RawHTTP.send("GET", "\(sim.baseURL)/keys", bearer: regular)
            let current = try await RawHTTP.send("GET", "\(sim.baseURL)/key", bearer: regular)
            #expect(list.status == 403)
            #expect((list.object["error"] as? [String: Any])?["message"] as? String == "Only management keys can perform this operation")
            #expect(current.status == 200)
            #expect((current.object["data"] as? [String: Any])?["is_management_key"] as? Bool == false)
        }
    }

    @Test func missingOrUnknownKeyIsUnauthorized() async throws {
        try await SimulatorHarness.with { sim in
            let missing = try await RawHTTP.send("GET", "\(sim.baseURL)/keys")
            let unknown = try await RawHTTP.send("GET", "\(sim.baseURL)/key", bearer: "sk-or-v1-" + String(repeating: "0", count: 64))
            #expect(missing.status == 401)
            #expect(unknown.status == 401)
        }
    }

    @Test func currentKeyReportsAManagementKey() async throws {
        try await SimulatorHarness.with { sim in
            let reply = try await RawHTTP.send("GET", "\(sim.baseURL)/key", bearer: sim.managementKey.revealed)
            let data = try #require(reply.object["data"] as? [String: Any])
            #expect(data["is_management_key"] as? Bool == true)
            #expect(data["is_provisioning_key"] as? Bool == true)
        }
    }

    @Test func limitRemainingCountsTheWindowAndBYOKWhenIncluded() async throws {
        // Wednesday noon UTC, so one day later is still the same week and month.
        let start = try #require(APITimestamp(parsing: "2025-08-20T12:00:00Z")).date
        try await SimulatorHarness.with(clock: SimulatorClock(start: start)) { sim in
            let key = try await sim.state.create(
                CreateKeyRequest(name: "k", limit: USD(10), limitReset: .daily, includeBYOKInLimit: true))
            let spend = "\(sim.rootURL)/_simulator/spend"
            _ = try await RawHTTP.send("POST", spend, json: #"{"hash":"\#(key.data.hash)","amount":3}"#)
            let afterBYOK = try await RawHTTP.send("POST", spend, json: #"{"hash":"\#(key.data.hash)","amount":2,"byok":true}"#)
            #expect((afterBYOK.object["data"] as? [String: Any])?["limit_remaining"] as? Double == 5)
            _ = try await RawHTTP.send("POST", "\(sim.rootURL)/_simulator/clock", json: #"{"advance_seconds":86400}"#)
            let nextDay = try await sim.state.get(key.data.hash)
            #expect(nextDay.limitRemaining == USD(10))
            #expect(nextDay.usageWeekly == USD(3))
            #expect(nextDay.byokUsageMonthly == USD(2))
        }
    }

    /// The list route reuses each key's JSON between requests; what it sends must stay exactly
    /// the encoding of the keys as they are now, after spend, updates, deletes and time passing.
    @Test func listBodiesStayExactAsKeysAndTimeChange() async throws {
        let start = try #require(APITimestamp(parsing: "2025-08-20T23:30:00Z")).date
        try await SimulatorHarness.with(clock: SimulatorClock(start: start)) { sim in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            func expectFresh(_ comment: Comment) async throws {
                for includeDisabled in [false, true] {
                    for offset in [0, 100] {
                        let body = try await sim.state.listBody(includeDisabled: includeDisabled, offset: offset, workspaceID: nil)
                        let keys = await sim.state.list(includeDisabled: includeDisabled, offset: offset, workspaceID: nil)
                        #expect(body == Array(try encoder.encode(KeyListResponse(data: keys))), comment)
                    }
                }
            }
            var hashes: [KeyHash] = []
            for index in 0..<120 {
                let key = try await sim.state.create(CreateKeyRequest(name: "key-\(index)", limit: USD(10), limitReset: .daily))
                hashes.append(key.data.hash)
            }
            try await expectFresh("after creating")
            _ = try await sim.state.recordSpend(on: hashes[3], amount: USD(2), byok: false)
            _ = try await sim.state.recordSpend(on: hashes[110], amount: USD(1), byok: true)
            try await expectFresh("after spend")
            _ = try await sim.state.update(hashes[5], UpdateKeyRequest(disabled: true))
            _ = try await sim.state.update(hashes[6], UpdateKeyRequest(name: "renamed"))
            try await sim.state.delete(hashes[7])
            try await expectFresh("after updates and a delete")
            // Past midnight UTC the daily usage of the key that spent resets to zero.
            _ = try await sim.state.advanceClock(by: 3600)
            try await expectFresh("on the next day")
            let reset = try await sim.state.get(hashes[3])
            #expect(reset.usageDaily == USD(0))
            _ = try await sim.state.advanceClock(by: -7200)
            try await expectFresh("with the clock set back")
        }
    }

    @Test func expiredKeyNoLongerAuthenticates() async throws {
        let start = try #require(APITimestamp(parsing: "2025-08-20T12:00:00Z")).date
        try await SimulatorHarness.with(clock: SimulatorClock(start: start)) { sim in
            let key = try await sim.state.create(
                CreateKeyRequest(name: "k", expiresAt: APITimestamp(parsing: "2025-08-21T00:00:00Z")))
            let before = try await RawHTTP.send("GET", "\(sim.baseURL)/key", bearer: key.key.revealed)
            _ = try await RawHTTP.send("POST", "\(sim.rootURL)/_simulator/clock", json: #"{"advance_seconds":43200}"#)
            let after = try await RawHTTP.send("GET", "\(sim.baseURL)/key", bearer: key.key.revealed)
            #expect(before.status == 200)
            #expect(after.status == 401)
        }
    }

    @Test func dataFileKeepsKeysAcrossRestartsWithoutSecrets() async throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("sim.json").path
        let created = try await SimulatorHarness.with(dataFile: file) { sim in
            try await sim.state.create(CreateKeyRequest(name: "survivor"))
        }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains(created.key.revealed))
        try await SimulatorHarness.with(dataFile: file) { sim in
            let key = try await sim.state.get(created.data.hash)
            #expect(key.name == "survivor")
            let current = try await RawHTTP.send("GET", "\(sim.baseURL)/key", bearer: created.key.revealed)
            #expect(current.status == 200)
        }
    }

    @Test func commitThenDropAppliesTheChangeAndClosesTheConnection() async throws {
        var faults = FaultSettings()
        faults.dropNext = 1
        faults.routes = ["POST /keys"]
        try await SimulatorHarness.with(faults: faults) { sim in
            await #expect(throws: (any Error).self) { _ = try await Self.create(sim) }
            #expect(await sim.state.keyCount == 1)
        }
    }

    @Test func perRouteRateLimitAnswers429WithRetryAfter() async throws {
        var faults = FaultSettings()
        faults.routeRequestsPerSecond = ["GET /key": 2]
        try await SimulatorHarness.with(faults: faults) { sim in
            var statuses: [Int] = []
            var last: RawHTTP.Reply?
            for _ in 0..<3 {
                let reply = try await RawHTTP.send("GET", "\(sim.baseURL)/key", bearer: sim.managementKey.revealed)
                statuses.append(reply.status)
                last = reply
            }
            let other = try await RawHTTP.send("GET", "\(sim.baseURL)/keys", bearer: sim.managementKey.revealed)
            #expect(statuses == [200, 200, 429])
            #expect(last?.headers["retry-after"] == "1")
            #expect(last?.headers["x-ratelimit-reset"] != nil)
            #expect(other.status == 200)
        }
    }
}
