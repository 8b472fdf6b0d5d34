import Domain
import Foundation
import Testing
import TestSupport

/// `UTCTime` (Domain): the one civil-date arithmetic and ISO 8601 reader and writer behind the
/// API's, the manifests', the state's and the status pages' dates.
@Suite struct UTCTimeTests {
    /// Foundation's Gregorian calendar in UTC, the reference from 1600 on (before 1582 it is Julian).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func reference(_ date: Date) -> UTCTime {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return UTCTime(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!)
    }

    @Test("days from the civil date and back agree, and agree with Foundation's calendar")
    func civilArithmeticRoundTrips() {
        var random = TestRandom(defaultSeed: 0x7574_6374)
        let edges: [Int64] = [0, -1, 1, 59, 10_956, 11_016, 11_017, 2_932_896, -135_140, -719_468, 36_524, 47_482]
        let days = edges + (0..<3000).map { _ in Int64.random(in: -135_140...2_932_896, using: &random) }
        for day in days {
            let (year, month, dayOfMonth) = UTCTime.civil(days: day)
            #expect(UTCTime.days(year: year, month: month, day: dayOfMonth) == day, "\(day), \(random)")
            let date = Date(timeIntervalSince1970: Double(day * 86_400))
            if day >= -135_140 { #expect(UTCTime(date).truncatedToSeconds == Self.reference(date), "\(day), \(random)") }
        }
        #expect(UTCTime.civil(days: 0) == (1970, 1, 1))
        #expect(UTCTime.civil(days: -1) == (1969, 12, 31))
        #expect(UTCTime.days(year: 2000, month: 3, day: 1) == 11_017)
    }

    @Test("leap years follow the 4, 100 and 400 rules")
    func leapYears() {
        #expect(UTCTime.isLeapYear(2024))
        #expect(!UTCTime.isLeapYear(2025))
        #expect(!UTCTime.isLeapYear(1900))
        #expect(UTCTime.isLeapYear(2000))
        #expect(!UTCTime.isLeapYear(2100))
        #expect(UTCTime.daysIn(month: 2, year: 2024) == 29)
        #expect(UTCTime.daysIn(month: 2, year: 1900) == 28)
        #expect(UTCTime.parse("2024-02-29") != nil)
        #expect(UTCTime.parse("2000-02-29T00:00:00Z") != nil)
        #expect(UTCTime.parse("2025-02-29") == nil)
        #expect(UTCTime.parse("1900-02-29") == nil)
        #expect(UTCTime.text(Date(timeIntervalSince1970: 951_782_400), .date) == "2000-02-29")
        #expect(UTCTime.text(Date(timeIntervalSince1970: 951_868_800), .date) == "2000-03-01")
    }

    @Test("1970, the second before it, and far dates format and parse back")
    func epochAndFarDates() throws {
        let cases: [(TimeInterval, String)] = [
            (0, "1970-01-01T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"), (86_399, "1970-01-01T23:59:59Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"), (-62_167_219_200, "0000-01-01T00:00:00Z"),
            (-11_676_096_000, "1600-01-01T00:00:00Z"), (4_102_444_800, "2100-01-01T00:00:00Z"),
        ]
        for (seconds, text) in cases {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCTime.text(date, .dateTime) == text)
            #expect(UTCTime.parseCanonical(text) == date, "\(text)")
        }
        // Beyond four digits of year the text grows; before year 0 it takes a sign.
        #expect(UTCTime.text(Date(timeIntervalSince1970: 253_402_300_800), .dateTime) == "10000-01-01T00:00:00Z")
        #expect(UTCTime.text(Date(timeIntervalSince1970: -62_167_219_201), .dateTime) == "-0001-12-31T23:59:59Z")
        // Instants no calendar reaches are clamped, not a trap.
        for seconds in [1e300, -1e300, .infinity, -.infinity, .nan] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(!UTCTime.text(date, .dateTimeMilliseconds).isEmpty)
            #expect(UTCTime.startOfMonth(date).timeIntervalSince1970.isFinite)
        }
    }

    @Test("every style writes what it names")
    func styles() {
        let date = Date(timeIntervalSince1970: 1_750_000_000.25)  // 2025-06-15T15:06:40.250Z
        #expect(UTCTime.text(date, .date) == "2025-06-15")
        #expect(UTCTime.text(date, .dateTime) == "2025-06-15T15:06:40Z")
        #expect(UTCTime.text(date, .dateTimeMilliseconds) == "2025-06-15T15:06:40.250Z")
        #expect(UTCTime.text(Date(timeIntervalSince1970: 1_750_000_000), .dateTimeMilliseconds) == "2025-06-15T15:06:40Z")
        #expect(UTCTime.text(date, .dateHourMinute) == "2025-06-15 15:06")
    }

    @Test("random moments round-trip through the canonical text, truncated to whole seconds")
    func canonicalRoundTrips() {
        var random = TestRandom(defaultSeed: 0x726f_756e_64)
        for _ in 0..<3000 {
            let seconds = Double(Int64.random(in: -11_676_096_000...253_402_300_799, using: &random))
            let date = Date(timeIntervalSince1970: seconds + Double.random(in: 0..<1, using: &random))
            let text = UTCTime.text(date, .dateTime)
            #expect(UTCTime.parseCanonical(text) == UTCTime.truncatedToSeconds(date), "\(text), \(random)")
            #expect(UTCTime.truncatedToSeconds(date).timeIntervalSince1970 == seconds, "\(random)")
            #expect(UTCTime(date).truncatedToSeconds == Self.reference(date), "\(text), \(random)")
        }
    }

    @Test("the API's forms: fractions, offsets, and a lowercase t and z")
    func parsesTheAPIsForms() throws {
        let micro = try #require(UTCTime.parse("2025-02-19T20:52:27.363244+00:00"))
        #expect(micro.utcOffsetSeconds == 0)
        #expect(micro.fields.nanosecond == 363_244_000)
        #expect(!micro.isCanonical)
        let offset = try #require(UTCTime.parse("2025-02-19T22:52:27+0200"))
        #expect(offset.utcOffsetSeconds == 7200)
        #expect(offset.date == Date(timeIntervalSince1970: 1_739_998_347))
        #expect(UTCTime.parse("2025-02-19T15:52:27-05")?.date == Date(timeIntervalSince1970: 1_739_998_347))
        #expect(UTCTime.parse("2025-02-19t20:52:27z")?.date == Date(timeIntervalSince1970: 1_739_998_347))
        #expect(UTCTime.parse("2025-02-19T20:52:27.1234567891Z")?.fields.nanosecond == 123_456_789)
        #expect(UTCTime.parse("2025-02-19T20:52:27Z")?.isCanonical == true)
        // A leap second reads as the first second of the next minute, and is not the canonical form.
        let leap = try #require(UTCTime.parse("2016-12-31T23:59:60Z"))
        #expect(leap.date == Date(timeIntervalSince1970: 1_483_228_800))
        #expect(!leap.isCanonical)
    }

    @Test("the manifests' forms: a date alone, and a time without a zone")
    func parsesTheManifestsForms() throws {
        let day = try #require(UTCTime.parse("2027-06-30"))
        #expect(!day.hasTime)
        #expect(day.utcOffsetSeconds == nil)
        #expect(day.date == Date(timeIntervalSince1970: 1_814_313_600))
        let local = try #require(UTCTime.parse("2027-06-30 12:00:00"))
        #expect(local.hasTime)
        #expect(local.utcOffsetSeconds == nil)
    }

    @Test("text that names no moment is refused")
    func invalidTextIsRefused() {
        let refused = [
            "", "2025", "2025-06", "2025-6-15", "2025-06-15T", "2025-06-15T12:00", "2025-06-15T12:00:00+", "2025-06-15T12:00:00+2",
            "2025-06-15T12:00:00+02:0", "2025-06-15T12:00:00+24:00", "2025-06-15T12:00:00+02:60", "2025-06-15T12:00:00.Z",
            "2025-06-15T12:00:00ZZ", "2025-06-15T12:00:00 UTC", "2025-06-15Z", "2025-13-01", "2025-00-10", "2025-04-31",
            "2025-06-00", "2025-06-15T24:00:00Z", "2025-06-15T12:60:00Z", "2025-06-15T12:00:61Z", "+2025-06-15", "２０２５-06-15",
            "2025-06-15T12:00:00Z\n", " 2025-06-15", "2025/06/15", "yesterday",
        ]
        for text in refused { #expect(UTCTime.parse(text) == nil, "\(text)") }
        for text in ["2025-06-15T12:00:00.5Z", "2025-06-15 12:00:00Z", "2025-06-15t12:00:00Z", "2025-06-15T12:00:00z",
                     "2025-06-15T12:00:00+00:00", "2025-06-15", "2025-06-15T12:00:60Z"] {
            #expect(UTCTime.parseCanonical(text) == nil, "\(text)")
        }
    }

    @Test("windows start at 00:00 UTC on the day, the Monday and the first of the month")
    func windowStarts() {
        // 2025-08-24 is a Sunday; its week began on Monday 2025-08-18.
        let sunday = Date(timeIntervalSince1970: 1_756_079_999)  // 2025-08-24T23:59:59Z
        #expect(UTCTime.text(UTCTime.startOfDay(sunday), .dateTime) == "2025-08-24T00:00:00Z")
        #expect(UTCTime.text(UTCTime.startOfWeek(sunday), .dateTime) == "2025-08-18T00:00:00Z")
        #expect(UTCTime.text(UTCTime.startOfMonth(sunday), .dateTime) == "2025-08-01T00:00:00Z")
        let monday = Date(timeIntervalSince1970: 1_755_475_200)  // 2025-08-18T00:00:00Z
        #expect(UTCTime.startOfWeek(monday) == monday)
        // Before 1970 too: 1969-12-31 was a Wednesday, its week began on Monday 1969-12-29.
        #expect(UTCTime.text(UTCTime.startOfWeek(Date(timeIntervalSince1970: -1)), .date) == "1969-12-29")
        #expect(UTCTime.text(UTCTime.startOfMonth(Date(timeIntervalSince1970: -1)), .date) == "1969-12-01")
        #expect(UTCTime.dayNumber(of: Date(timeIntervalSince1970: -0.5)) == -1)
    }

    @Test("truncation drops the fraction towards the past, before 1970 too")
    func truncation() {
        #expect(UTCTime.truncatedToSeconds(Date(timeIntervalSince1970: 1.75)) == Date(timeIntervalSince1970: 1))
        #expect(UTCTime.truncatedToSeconds(Date(timeIntervalSince1970: -0.25)) == Date(timeIntervalSince1970: -1))
        #expect(UTCTime(Date(timeIntervalSince1970: 1.75)).nanosecond == 750_000_000)
        #expect(UTCTime(Date(timeIntervalSince1970: 1.75)).truncatedToSeconds.nanosecond == 0)
    }
}
