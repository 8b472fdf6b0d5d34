/// A length of time written the way people write it in manifests: `12h`, `90d`, `2w`, `10y`
/// (a year is 365 days). Held in seconds.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }
    public static func days(_ days: Int) -> Period { Period(seconds: Int64(days) * 86_400) }
    public static func hours(_ hours: Int) -> Period { Period(seconds: Int64(hours) * 3_600) }

    /// The units a period may be written in, and their length in seconds.
    public static let units: [(suffix: Character, seconds: Int64, name: String)] = [
        ("h", 3_600, "hours"), ("d", 86_400, "days"), ("w", 604_800, "weeks"), ("y", 31_536_000, "years"),
    ]

    /// Parses `<whole number><unit>` with unit h, d, w or y; nil otherwise. Zero is not a period.
    public init?(_ text: String) {
        guard let suffix = text.last, let unit = Self.units.first(where: { $0.suffix == suffix }) else { return nil }
        let number = text.dropLast()
        guard !number.isEmpty, number.count <= 6, number.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let value = Int64(number), value > 0
        else { return nil }
        seconds = value * unit.seconds
    }

    /// The shortest exact spelling: `10y`, `2w`, `90d`, `36h`.
    public var description: String {
        for unit in Self.units.reversed() where seconds % unit.seconds == 0 {
            return "\(seconds / unit.seconds)\(unit.suffix)"
        }
        return "\(seconds)s"
    }

    public var timeInterval: Double { Double(seconds) }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.seconds < rhs.seconds }
}
