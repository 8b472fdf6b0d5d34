import Domain
public import Foundation

/// Proleptic Gregorian calendar arithmetic in UTC: OpenRouter's usage windows are UTC days,
/// Monday-to-Sunday UTC weeks and UTC calendar months. A thin forward to `UTCTime` (Domain), which
/// holds the arithmetic once for every module.
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

        init(_ time: UTCTime) {
            self.init(year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute,
                      second: time.second, nanosecond: time.nanosecond)
        }

        var time: UTCTime {
            UTCTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond)
        }
    }

    static let secondsPerDay = UTCTime.secondsPerDay

    /// Days since 1970-01-01 for a civil date.
    public static func days(year: Int, month: Int, day: Int) -> Int64 { UTCTime.days(year: year, month: month, day: day) }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(days: Int64) -> (year: Int, month: Int, day: Int) { UTCTime.civil(days: days) }

    /// The UTC fields of `date`.
    public static func fields(of date: Date) -> Fields { Fields(UTCTime(date)) }

    /// The instant of UTC `fields`.
    public static func date(from fields: Fields) -> Date { fields.time.date }

    /// 00:00 UTC of the day holding `date`.
    public static func startOfDay(_ date: Date) -> Date { UTCTime.startOfDay(date) }

    /// 00:00 UTC of the Monday that starts the week holding `date`.
    public static func startOfWeek(_ date: Date) -> Date { UTCTime.startOfWeek(date) }

    /// 00:00 UTC on the first day of the month holding `date`.
    public static func startOfMonth(_ date: Date) -> Date { UTCTime.startOfMonth(date) }

    static func dayNumber(_ date: Date) -> Int64 { UTCTime.dayNumber(of: date) }
}
