public import Domain
public import Foundation

/// How the status writes dates, amounts and percentages, shared by STATUS.md and the site so
/// both say the same thing the same way. Dates are UTC and formatted by hand (days from the
/// civil calendar), which keeps rendering ten thousand keys fast and independent of the locale.
public enum StatusFormat {
    /// Written where a value is unknown or does not apply.
    public static let none = "—"

    /// `2025-06-15`.
    public static func day(_ date: Date) -> String {
        let (year, month, day, _) = civil(date)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `2025-06-15 12:00 UTC`.
    public static func moment(_ date: Date) -> String {
        let (year, month, day, seconds) = civil(date)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)) UTC"
    }

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
        let days = Int(dayNumber(date) - dayNumber(now))
        switch days {
        case 0: return "today"
        case 1: return "in 1 day"
        case -1: return "1 day ago"
        case let n where n > 0: return "in \(n) days"
        default: return "\(-days) days ago"
        }
    }

    private static func dayNumber(_ date: Date) -> Int64 {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// `yes` or `no`.
    public static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    /// `1 key`, `3 keys`.
    public static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Year, month, day and second of the day, UTC.
    private static func civil(_ date: Date) -> (Int64, Int64, Int64, Int64) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, seconds - days * 86_400)
    }
}
