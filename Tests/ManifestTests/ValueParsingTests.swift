import Domain
import Foundation
import Manifest
import Testing

@Suite("manifest values")
struct ValueParsingTests {
    @Test("USD amounts parse exactly and print with two or more decimals")
    func usd() {
        #expect(USD(decimal: "12.5")?.nanos == 12_500_000_000)
        #expect(USD(decimal: "0.000000001")?.nanos == 1)
        #expect(USD(decimal: "1e3") == nil)
        #expect(USD(decimal: "-1") == nil)
        #expect(USD(decimal: "12.5")?.description == "$12.50")
        #expect(USD(decimal: "0.0042")?.description == "$0.0042")
        #expect(USD(0.1) == USD(decimal: "0.1"))
        #expect(USD(decimal: "10")!.times(Rate(decimal: "1.3")!) == USD(decimal: "13"))
    }

    @Test("periods parse with h, d, w and y and print in their largest exact unit")
    func periods() {
        #expect(Period("90d") == .days(90))
        #expect(Period("2w") == .days(14))
        #expect(Period("1y") == .days(365))
        #expect(Period("0d") == nil)
        #expect(Period("3m") == nil)
        #expect(Period.days(14).description == "2w")
        #expect(Period.hours(36).description == "36h")
    }

    @Test("manifest dates accept UTC only")
    func dates() throws {
        #expect(ManifestDate.format(try ManifestDate.parse("2027-06-30")) == "2027-06-30T00:00:00Z")
        #expect(ManifestDate.format(try ManifestDate.parse("2027-06-30T12:30:00Z")) == "2027-06-30T12:30:00Z")
        #expect(ManifestDate.format(try ManifestDate.parse("2027-06-30T12:30:00.250+00:00")) == "2027-06-30T12:30:00Z")
        #expect(throws: ManifestDate.ParseError.notUTC) { try ManifestDate.parse("2027-06-30T12:30:00+02:00") }
        #expect(throws: ManifestDate.ParseError.notADate) { try ManifestDate.parse("2027-02-30") }
    }

    @Test("key addresses round-trip and sort client keys before user keys")
    func addresses() {
        let client = KeyAddress("acme/prod")!
        let user = KeyAddress("acme/bob/personal")!
        #expect(client.description == "acme/prod")
        #expect(user.user == UserID("bob"))
        #expect(client < user)
        #expect(KeyAddress("acme") == nil)
        #expect(KeyAddress("Acme/prod") == nil)
    }

    @Test("a key secret prints masked in every string form")
    func secretsAreMasked() {
        let secret = KeySecret("sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
        #expect("\(secret)" == "sk-or-v1…cdef")
        #expect(String(describing: secret) == "sk-or-v1…cdef")
        #expect(String(reflecting: secret) == "KeySecret(sk-or-v1…cdef)")
        #expect(!"\([secret])".contains("0123456789abcdef0123"))
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("0123456789abcdef0123"))
    }

    @Test("a preview keeps 8 and 4 characters, counting characters rather than bytes, and masks short values")
    func previewsCountCharacters() {
        #expect(KeySecret("sk-or-v1-0123456789abc").preview == "…")  // 22 characters
        #expect(KeySecret("sk-or-v1-0123456789abcde").preview == "sk-or-v1…bcde")  // 24
        #expect(KeySecret("ключ-секрет-0123456789abcdé").preview == "ключ-сек…bcdé")
        #expect(KeySecret("ключ-секрет-0123456789").preview == "…")  // 22 characters in 32 bytes
    }

    @Test func datesAreFormattedAsFoundationsCalendarFormatsThem() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func expected(_ date: Date) -> (String, String) {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return (String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!),
                    String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!))
        }
        // Edges (the epoch, leap days, century and 400-year leap rules, the last second of 9999,
        // fractions of a second) and a spread of moments in between.
        var moments: [TimeInterval] = [0, 0.999, 59, 86_399.5, 951_782_400, 951_868_799, 4_107_542_400, 4_107_456_000,
                                       1_709_164_800, 253_402_300_799, 253_402_300_799.9, -1, -86_400.5, 253_402_300_800]
        for step in 0..<2_000 { moments.append(Double(step) * 126_701_153) }
        for moment in moments {
            let date = Date(timeIntervalSince1970: moment)
            let (full, day) = expected(date)
            #expect(ManifestDate.format(date) == full, "\(moment)")
            #expect(ManifestDate.formatDay(date) == day, "\(moment)")
        }
    }
}
