import Domain
import Foundation
import OpenRouterAPI
import OpenRouterSimulator
import TestSupport
import Testing

/// The simulator over loopback, asked for amounts and clock moves it cannot hold: it answers 400
/// with OpenRouter's error envelope, stays up, and keeps serving.
@Suite struct SimulatorOutOfRangeTests {
    static func send(_ sim: SimulatorHarness, _ method: String, _ path: String, _ body: String) async throws -> RawHTTP.Reply {
        try await RawHTTP.send(method, "\(sim.baseURL)\(path)", bearer: sim.managementKey.revealed, json: body)
    }

    static func message(_ reply: RawHTTP.Reply) -> String {
        ((reply.object["error"] as? [String: Any])?["message"] as? String) ?? ""
    }

    @Test("a create with a limit of 1e10 is a 400 naming the bound, and the simulator keeps serving")
    func createBeyondTheBoundIsRefused() async throws {
        try await SimulatorHarness.with { sim in
            for limit in ["1e10", "1e12", "1e400", "1.7976931348623157e308"] {
                let reply = try await Self.send(sim, "POST", "/keys", #"{"name":"huge","limit":\#(limit)}"#)
                #expect(reply.status == 400, "\(limit)")
                #expect(Self.message(reply).contains("limit"), "\(limit): \(Self.message(reply))")
            }
            #expect(await sim.state.keyCount == 0)
            let fine = try await Self.send(sim, "POST", "/keys", #"{"name":"big","limit":9000000000}"#)
            #expect(fine.status == 201)
            #expect((fine.object["data"] as? [String: Any])?["limit"] as? Double == 9e9)
        }
    }

    @Test("an update with a limit beyond the bound is a 400 and leaves the key as it was")
    func updateBeyondTheBoundIsRefused() async throws {
        try await SimulatorHarness.with { sim in
            let key = try await sim.state.create(CreateKeyRequest(name: "k", limit: USD(10)))
            let reply = try await Self.send(sim, "PATCH", "/keys/\(key.data.hash)", #"{"limit":1e10}"#)
            #expect(reply.status == 400)
            #expect(Self.message(reply).contains("limit"))
            #expect(try await sim.state.get(key.data.hash).limit == USD(10))
        }
    }

    @Test("spend and clock moves beyond what the simulator holds are 400s, not a crash")
    func controlRoutesRefuseOutOfRangeNumbers() async throws {
        try await SimulatorHarness.with { sim in
            let key = try await sim.state.create(CreateKeyRequest(name: "k"))
            let spend = try await RawHTTP.send(
                "POST", "\(sim.rootURL)/_simulator/spend", json: #"{"hash":"\#(key.data.hash)","amount":1e15}"#)
            #expect(spend.status == 400)
            let clock = try await RawHTTP.send("POST", "\(sim.rootURL)/_simulator/clock", json: #"{"advance_seconds":1e300}"#)
            #expect(clock.status == 400)
            let state = try await RawHTTP.send("GET", "\(sim.rootURL)/_simulator/state")
            #expect(state.status == 200)
        }
    }

    @Test("spend that adds up beyond the bound saturates at the largest amount")
    func spendSaturates() async throws {
        try await SimulatorHarness.with { sim in
            let key = try await sim.state.create(CreateKeyRequest(name: "k"))
            for _ in 0..<3 {
                let spend = try await RawHTTP.send(
                    "POST", "\(sim.rootURL)/_simulator/spend", json: #"{"hash":"\#(key.data.hash)","amount":9000000000}"#)
                #expect(spend.status == 200)
            }
            #expect(try await sim.state.get(key.data.hash).usage == .max)
        }
    }
}
