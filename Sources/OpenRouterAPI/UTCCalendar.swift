public import Foundation

/// Proleptic Gregorian calendar arithmetic in UTC, without `Calendar` or time zones: OpenRouter's
/// usage windows are UTC days, Monday-to-Sunday UTC weeks and UTC calendar months.
public enum UTCCalendar {
    /// A date split into UTC fields.
    public struct Fields: Hashable, Sendable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        /// Sub-second part, in nanoseconds.
        public var nanosecond: Int

        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
        }
    }

    static let secondsPerDay: Int64 = 86_400

    /// Days since 1970-01-01 for a civil date (Howard Hinnant's `days_from_civil`).
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (`civil_from_days`).
    public static func civil(days z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    /// The UTC fields of `date`.
    public static func fields(of date: Date) -> Fields {
        let seconds = date.timeIntervalSince1970
        let whole = Int64(seconds.rounded(.down))
        let nanos = Int(((seconds - Double(whole)) * 1_000_000_000).rounded())
        let dayCount = floorDiv(whole, secondsPerDay)
        let secondOfDay = Int(whole - dayCount * secondsPerDay)
        let (y, m, d) = civil(days: dayCount)
        return Fields(year: y, month: m, day: d, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
                      second: secondOfDay % 60, nanosecond: min(nanos, 999_999_999))
    }

    /// The instant of UTC `fields`.
    public static func date(from fields: Fields) -> Date {
        let dayCount = days(year: fields.year, month: fields.month, day: fields.day)
        let seconds = dayCount * secondsPerDay + Int64(fields.hour * 3600 + fields.minute * 60 + fields.second)
        return Date(timeIntervalSince1970: Double(seconds) + Double(fields.nanosecond) / 1_000_000_000)
    }

    /// 00:00 UTC of the day holding `date`.
    public static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(dayNumber(date) * secondsPerDay))
    }

    /// 00:00 UTC of the Monday that starts the week holding `date`.
    public static func startOfWeek(_ date: Date) -> Date {
        let day = dayNumber(date)
        // 1970-01-01 was a Thursday, three days after a Monday.
        let sinceMonday = ((day + 3) % 7 + 7) % 7
        return Date(timeIntervalSince1970: Double((day - sinceMonday) * secondsPerDay))
    }

    /// 00:00 UTC on the first day of the month holding `date`.
    public static func startOfMonth(_ date: Date) -> Date {
        let (y, m, _) = civil(days: dayNumber(date))
        return Date(timeIntervalSince1970: Double(days(year: y, month: m, day: 1) * secondsPerDay))
    }

    static func dayNumber(_ date: Date) -> Int64 {
        floorDiv(Int64(date.timeIntervalSince1970.rounded(.down)), secondsPerDay)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
