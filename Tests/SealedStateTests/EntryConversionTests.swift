import Domain
import Foundation
@testable import SealedState
import Testing

/// The shortcuts the reader and writer take for thousands of entries give exactly what the
/// general conversions give.
struct EntryConversionTests {
    @Test func timestampsAreFormattedAsISO8601InUTCWithWholeSeconds() throws {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SeededGenerator(seed: 17)
        // From 1600 on: before 1582 Foundation's calendar is Julian, the state's is proleptic Gregorian.
        let edges: [TimeInterval] = [0, 59, 86_399, 86_400, 951_782_400, 1_709_208_000, 4_102_444_799, 253_402_300_799, -1, -11_676_096_000]
        let random = (0..<2000).map { _ in TimeInterval(Int64.random(in: -11_676_096_000...253_402_300_799, using: &generator)) }
        for seconds in edges + random {
            let date = Date(timeIntervalSince1970: seconds + 0.75)
            let text = StateTimestamp.format(date)
            #expect(text == formatter.string(from: StateTimestamp.truncated(date)), "\(seconds)")
            #expect(StateTimestamp.parse(text) == StateTimestamp.truncated(date))
        }
    }

    @Test func clientAddressesAreReadAsKeyAddressWithTheFilesClient() {
        let reader = ClientAddressReader(client: "acme")
        let texts = ["acme/web", "acme/alice/ci", "acme/alice/ci/x", "acme/", "acme//ci", "acme/alice/", "acme", "acme-eu/web",
                     "acm/web", "acme/Web", "acme/é", "globex/web", "/acme/web", "acme/alice//ci", "acme/web/", "acme/a_b-c/d9"]
        for text in texts {
            let expected = KeyAddress(text).flatMap { $0.client.rawValue == "acme" ? $0 : nil }
            #expect(reader.address(text) == expected, "\(text)")
        }
        #expect(ClientAddressReader(client: "Acme").address("Acme/web") == nil)
    }

    @Test func limitTextsMatchUSDsOwnConversions() {
        var cache = LimitTextCache()
        for text in ["10", "10.00", "0.5", "12.345", "0.000000001", "1e3", "-1", "", "10.00"] {
            #expect(cache.amount(for: text) == USD(decimal: text), "\(text)")
        }
        for nanos: Int64 in [0, 1, 500_000_000, 10_000_000_000, 12_345_000_000, 10_000_000_000] {
            let amount = USD(nanos: nanos)
            #expect(cache.text(for: amount) == amount.formatted(minimumDecimals: 2, symbol: false))
        }
    }
}
