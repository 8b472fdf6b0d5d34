public import Foundation

/// A moment split into its UTC calendar fields, in the proleptic Gregorian calendar that ISO 8601
/// uses for every year. The one place keyplane turns instants into dates and back: OpenRouter's
/// usage windows (UTC days, Monday-to-Sunday weeks, calendar months), the timestamps of the API,
/// the manifests and the state, and the dates STATUS.md and the site print.
///
/// Everything here is integer arithmetic on the count of days since 1970 (Howard Hinnant's
/// `days_from_civil` and `civil_from_days`), without `Calendar`, `DateFormatter` or time zones:
/// plans, state files and status pages convert tens of thousands of dates, and a `Calendar`
/// lookup costs microseconds. Instants beyond about ±285 million years (and non-finite ones) are
/// clamped to that range, so no `Date` can trap.
public struct UTCTime: Hashable, Sendable {
    public var year: Int
    /// 1 to 12.
    public var month: Int
    /// 1 to the length of the month.
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// The part of the second below `second`, in nanoseconds.
    public var nanosecond: Int

    /// The fields as given; `isValid` says whether they name a real moment.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// The UTC fields of `date`. Nanoseconds are rounded to the nearest, and never carry into the
    /// next second (999,999,999 at most), so `second` is always the second `date` falls in.
    public init(_ date: Date) {
        let interval = date.timeIntervalSince1970
        let whole = Self.wholeSeconds(of: date)
        let fraction = interval.isFinite && Double(whole) == interval.rounded(.down) ? interval - Double(whole) : 0
        self.init(secondsSince1970: whole, nanosecond: Swift.min(Int((fraction * 1_000_000_000).rounded()), 999_999_999))
    }

    /// The fields of a whole number of seconds since 1970-01-01T00:00:00Z.
    public init(secondsSince1970 seconds: Int64, nanosecond: Int = 0) {
        let days = Self.floorDivide(seconds, Self.secondsPerDay)
        let secondOfDay = Int(seconds - days * Self.secondsPerDay)
        let (year, month, day) = Self.civil(days: days)
        self.init(year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
                  second: secondOfDay % 60, nanosecond: nanosecond)
    }

    /// Whether the fields name a real moment: a month of 1 to 12, a day that month has, a time
    /// of day before 24:00 and a nanosecond below one second. `second` may be 60, the leap second
    /// ISO 8601 allows, which `secondsSince1970` counts as the first second of the next minute.
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysIn(month: month, year: year) && (0..<24).contains(hour)
            && (0..<60).contains(minute) && (0...60).contains(second) && (0..<1_000_000_000).contains(nanosecond)
    }

    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64 {
        Self.days(year: year, month: month, day: day) * Self.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The instant these fields name in UTC.
    public var date: Date {
        Date(timeIntervalSince1970: Double(secondsSince1970) + Double(nanosecond) / 1_000_000_000)
    }

    /// These fields without the fraction of a second.
    public var truncatedToSeconds: UTCTime {
        var whole = self
        whole.nanosecond = 0
        return whole
    }
}

// MARK: Civil-date arithmetic

extension UTCTime {
    public static let secondsPerDay: Int64 = 86_400

    /// The most seconds from 1970 an instant may be: 2⁵³, about 285 million years, where a
    /// `Double` still counts every second. Further instants are clamped to it.
    public static let secondsLimit: Int64 = 1 << 53

    /// Days since 1970-01-01 of a civil date (`days_from_civil`). Any month and day are counted
    /// on from the year's start, so 2025-02-30 is 2025-03-02; check `isValid` to refuse such dates.
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a count of days since 1970-01-01 (`civil_from_days`).
    public static func civil(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The number of days in `month` (1 to 12) of `year`; 0 for any other month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Whole seconds since 1970 of `date`, rounded down (towards the past), within ±`secondsLimit`;
    /// NaN counts as 1970.
    public static func wholeSeconds(of date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        if seconds.isNaN { return 0 }
        if seconds >= Double(secondsLimit) { return secondsLimit }
        if seconds <= -Double(secondsLimit) { return -secondsLimit }
        return Int64(seconds)
    }

    /// The UTC day `date` falls on, counted from 1970-01-01.
    public static func dayNumber(of date: Date) -> Int64 { floorDivide(wholeSeconds(of: date), secondsPerDay) }

    /// `date` without its fraction of a second (rounded towards the past), as the state file and
    /// ISO 8601 text without a fraction hold it.
    public static func truncatedToSeconds(_ date: Date) -> Date { Date(timeIntervalSince1970: Double(wholeSeconds(of: date))) }

    /// 00:00 UTC of the day holding `date`.
    public static func startOfDay(_ date: Date) -> Date { startOf(day: dayNumber(of: date)) }

    /// 00:00 UTC of the Monday that starts the week holding `date`.
    public static func startOfWeek(_ date: Date) -> Date {
        let day = dayNumber(of: date)
        // 1970-01-01 was a Thursday, three days after a Monday.
        let sinceMonday = ((day + 3) % 7 + 7) % 7
        return startOf(day: day - sinceMonday)
    }

    /// 00:00 UTC on the first day of the month holding `date`.
    public static func startOfMonth(_ date: Date) -> Date {
        let (year, month, _) = civil(days: dayNumber(of: date))
        return startOf(day: days(year: year, month: month, day: 1))
    }

    private static func startOf(day: Int64) -> Date { Date(timeIntervalSince1970: Double(day * secondsPerDay)) }

    /// `a / b` rounded towards minus infinity, for `b > 0`.
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return a % b < 0 ? quotient - 1 : quotient
    }
}
