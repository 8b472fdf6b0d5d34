public import Domain
public import Foundation

/// How the status writes dates, amounts and percentages, shared by STATUS.md and the site so
/// both say the same thing the same way. Dates are UTC and written by `UTCTime` (Domain), by hand
/// and without `Calendar`, which keeps rendering ten thousand keys fast and independent of the locale.
public enum StatusFormat {
    /// Written where a value is unknown or does not apply.
    public static let none = "—"

    /// `2025-06-15`.
    public static func day(_ date: Date) -> String { UTCTime.text(date, .date) }

    /// `2025-06-15 12:00 UTC`.
    public static func moment(_ date: Date) -> String { UTCTime.text(date, .dateHourMinute) + " UTC" }

    /// `2025-06-15`, or `—` for nil.
    public static func day(_ date: Date?) -> String { date.map { day($0) } ?? none }

    /// `$12.50`, or `—` for nil.
    public static func money(_ amount: USD?) -> String { amount?.description ?? none }

    /// `42%`, or `—` for nil.
    public static func percent(_ value: Int?) -> String { value.map { "\($0)%" } ?? none }

    /// `monthly`, `weekly`, `daily`, or `never` for a lifetime limit.
    public static func reset(_ reset: LimitReset?) -> String { reset?.rawValue ?? "never" }

    /// `$100.00 monthly`, `$25.00 lifetime`, or `no limit`.
    public static func limit(_ limit: USD?, reset: LimitReset?) -> String {
        guard let limit else { return "no limit" }
        return "\(limit) \(reset?.rawValue ?? "lifetime")"
    }

    /// `today`, `in 3 days`, `1 day ago`: the number of UTC calendar days from `now` to `date`.
    public static func relative(_ date: Date, now: Date) -> String {
        let days = Int(UTCTime.dayNumber(of: date) - UTCTime.dayNumber(of: now))
        switch days {
        case 0: return "today"
        case 1: return "in 1 day"
        case -1: return "1 day ago"
        case let n where n > 0: return "in \(n) days"
        default: return "\(-days) days ago"
        }
    }

    /// `yes` or `no`.
    public static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    /// `1 key`, `3 keys`.
    public static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : plural ?? singular + "s")"
    }
}
