import Domain
import Foundation
import OpenRouterAPI
import Testing

@Suite struct WireModelTests {
    @Test func timestampsAcceptBothStylesOpenRouterUses() throws {
        let zulu = try #require(APITimestamp(parsing: "2025-08-24T10:30:00Z"))
        let postgres = try #require(APITimestamp(parsing: "2025-02-19T20:52:27.363244+00:00"))
        #expect(zulu.text == "2025-08-24T10:30:00Z")
        #expect(postgres.isUTC)
        #expect(postgres.text == "2025-02-19T20:52:27.363Z")
        let offset = try #require(APITimestamp(parsing: "2025-02-19T22:52:27+02:00"))
        #expect(!offset.isUTC)
        #expect(offset.date == APITimestamp(parsing: "2025-02-19T20:52:27Z")?.date)
        #expect(APITimestamp(parsing: "2025-02-19") == nil)
    }

    @Test func updateRequestTellsAbsentFromNull() throws {
        let cleared = try JSONDecoder().decode(UpdateKeyRequest.self, from: Data(#"{"limit":null}"#.utf8))
        #expect(cleared.limit == .clear)
        #expect(cleared.limitReset == .unchanged)
        let set = try JSONDecoder().decode(UpdateKeyRequest.self, from: Data(#"{"limit":12.5,"limit_reset":"weekly"}"#.utf8))
        #expect(set.limit == .set(USD(nanos: 12_500_000_000)))
        #expect(set.limitReset == .set(.weekly))
        let encoded = String(decoding: try JSONEncoder().encode(UpdateKeyRequest(limit: .clear)), as: UTF8.self)
        #expect(encoded == #"{"limit":null}"#)
    }

    @Test func utcWeeksStartOnMonday() throws {
        // 2025-08-24 is a Sunday; its week began on Monday 2025-08-18.
        let sunday = try #require(APITimestamp(parsing: "2025-08-24T23:59:59Z")).date
        #expect(APITimestamp(UTCTime.startOfWeek(sunday)).text == "2025-08-18T00:00:00Z")
        #expect(APITimestamp(UTCTime.startOfMonth(sunday)).text == "2025-08-01T00:00:00Z")
        #expect(APITimestamp(UTCTime.startOfDay(sunday)).text == "2025-08-24T00:00:00Z")
    }
}
