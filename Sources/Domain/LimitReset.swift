/// How often a key's spending limit starts again. OpenRouter's windows are UTC calendar windows:
/// a day, a Monday-to-Sunday week, a calendar month. A key with no reset has a lifetime limit.
public enum LimitReset: String, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    case daily
    case weekly
    case monthly

    public var description: String { rawValue }

    /// The most windows of this kind that overlap one calendar month: a month touches at most 31
    /// days and at most 5 Monday-to-Sunday weeks. Used to compare key limits with a monthly cap.
    public var windowsPerMonth: Int {
        switch self {
        case .daily: 31
        case .weekly: 5
        case .monthly: 1
        }
    }

    /// Shorter windows let a key spend its limit more often, so they sort first.
    public static func < (lhs: LimitReset, rhs: LimitReset) -> Bool { lhs.windowsPerMonth > rhs.windowsPerMonth }
}
