import Domain
import Foundation
import OpenRouterAPI
import Testing
import TestSupport

/// Pages of keys are read through cJSON (`KeyListResponse(reading:)`); `JSONDecoder` stays the
/// reference. The fast path must agree with it on everything it accepts and accept nothing it refuses.
@Suite struct KeyListFastPathTests {
    static func randomKey(_ generator: inout some RandomNumberGenerator) -> APIKey {
        let alphabet = Array("abcxyz019 -_/[]é€😀\"\\\n")
        func text(_ count: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: count, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        func money() -> USD { USD(nanos: Int64.random(in: 0...50_000_000_000_000, using: &generator)) }
        func maybe<T>(_ make: () -> T) -> T? { Bool.random(using: &generator) ? make() : nil }
        func stamp() -> APITimestamp {
            let seconds = Double(Int.random(in: 1_600_000_000...1_900_000_000, using: &generator))
            let millis = Bool.random(using: &generator) ? Double(Int.random(in: 0...999, using: &generator)) / 1000 : 0
            return APITimestamp(Date(timeIntervalSince1970: seconds + millis))
        }
        let hash = (0..<64).map { _ in "0123456789abcdef".randomElement(using: &generator)! }
        return APIKey(
            hash: KeyHash(String(hash)), name: text(0...40), label: "sk-or-v1-\(text(3...3))...\(text(3...3))",
            disabled: Bool.random(using: &generator), limit: maybe(money), limitRemaining: maybe(money),
            limitReset: maybe { LimitReset.allCases.randomElement(using: &generator)! },
            includeBYOKInLimit: Bool.random(using: &generator), usage: money(), usageDaily: money(), usageWeekly: money(),
            usageMonthly: money(), byokUsage: money(), byokUsageDaily: money(), byokUsageWeekly: money(),
            byokUsageMonthly: money(), createdAt: stamp(), updatedAt: maybe(stamp), expiresAt: maybe(stamp),
            creatorUserID: maybe { text(1...20) }, workspaceID: text(1...36))
    }

    @Test func agreesWithJSONDecoderOnRandomPages() throws {
        var generator = TestRandom(defaultSeed: 0x6661_7374_7061_7468)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for _ in 0..<20 {
            let page = KeyListResponse(data: (0..<50).map { _ in Self.randomKey(&generator) })
            let body = try encoder.encode(page)
            let decoded = try JSONDecoder().decode(KeyListResponse.self, from: body)
            #expect(KeyListResponse(reading: body) == decoded, "\(generator)")
        }
    }

    /// A key as the live API may write it: offsets instead of Z, microseconds, no BYOK windows.
    static let liveKey = #"""
        {"hash":"a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1","name":"prod","label":"sk-or-v1-abc...def",
         "disabled":false,"limit":12.5,"limit_remaining":null,"limit_reset":"monthly","usage":0.000001,"usage_daily":0,
         "usage_weekly":0,"usage_monthly":1e-9,"created_at":"2025-02-19T20:52:27.363244+00:00","updated_at":null,
         "workspace_id":"w"}
        """#

    @Test func agreesOnTheShapesTheLiveAPIWrites() throws {
        let body = Data(#"{"data":[\#(Self.liveKey)]}"#.utf8)
        let fast = try #require(KeyListResponse(reading: body))
        #expect(fast == (try JSONDecoder().decode(KeyListResponse.self, from: body)))
        #expect(fast.data[0].byokUsage == .zero)
        #expect(fast.data[0].includeBYOKInLimit == false)
        #expect(fast.data[0].limitReset == .monthly)
    }

    @Test func leavesEveryRefusalToJSONDecoder() throws {
        let broken = [
            Self.liveKey.replacingOccurrences(of: #""monthly""#, with: #""yearly""#),
            Self.liveKey.replacingOccurrences(of: #""usage_daily":0"#, with: #""usage_daily":null"#),
            Self.liveKey.replacingOccurrences(of: #""disabled":false"#, with: #""disabled":"no""#),
            Self.liveKey.replacingOccurrences(of: #""created_at":"2025-02-19T20:52:27.363244+00:00""#, with: #""created_at":"yesterday""#),
            Self.liveKey.replacingOccurrences(of: #""workspace_id":"w""#, with: #""workspace":"w""#),
            Self.liveKey.replacingOccurrences(of: #""limit":12.5"#, with: #""limit":"12.5""#),
        ]
        for (index, key) in broken.enumerated() {
            let body = Data(#"{"data":[\#(key)]}"#.utf8)
            #expect(KeyListResponse(reading: body) == nil, "case \(index)")
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(KeyListResponse.self, from: body) }
        }
        #expect(KeyListResponse(reading: Data(#"{"data":{}}"#.utf8)) == nil)
        #expect(KeyListResponse(reading: Data("<html>busy</html>".utf8)) == nil)
        #expect(KeyListResponse(reading: Data(#"{"data":[]}"#.utf8)) == KeyListResponse(data: []))
    }
}
