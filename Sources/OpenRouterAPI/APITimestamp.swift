public import Foundation

/// An ISO 8601 instant as OpenRouter writes it. Reading accepts both styles seen in the wild,
/// `2025-08-24T10:30:00Z` and `2025-02-19T20:52:27.363244+00:00`; writing uses the first, with
/// milliseconds when the instant has them.
public struct APITimestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The instant.
    public let date: Date
    /// The offset from UTC the text carried, in seconds; 0 for `Z`.
    public let utcOffsetSeconds: Int

    public init(_ date: Date) {
        self.date = date
        utcOffsetSeconds = 0
    }

    /// Whether the text said UTC (`Z` or `+00:00`).
    public var isUTC: Bool { utcOffsetSeconds == 0 }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`; nil for anything else.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, let year = number(0..<4), bytes[4] == 45, let month = number(5..<7), bytes[7] == 45,
            let day = number(8..<10), bytes[10] == 84 || bytes[10] == 116, let hour = number(11..<13),
            bytes[13] == 58, let minute = number(14..<16), bytes[16] == 58, let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var nanos = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case 90, 122:  // Z z
            guard index + 1 == bytes.count else { return nil }
        case 43, 45:  // + -
            let sign = bytes[index] == 45 ? -1 : 1
            let rest = bytes.count - index - 1
            guard let h = number(index + 1..<index + 3), h < 24 else { return nil }
            let m: Int?
            if rest == 5, bytes[index + 3] == 58 { m = number(index + 4..<index + 6) }
            else if rest == 4 { m = number(index + 3..<index + 5) }
            else { m = nil }
            guard let m, m < 60 else { return nil }
            offset = sign * (h * 3600 + m * 60)
        default:
            return nil
        }
        let local = UTCCalendar.date(from: .init(year: year, month: month, day: day, hour: hour, minute: minute,
                                                 second: second, nanosecond: nanos))
        date = local.addingTimeInterval(Double(-offset))
        utcOffsetSeconds = offset
    }

    /// `2025-08-24T10:30:00Z`, or `2025-08-24T10:30:00.250Z` when the instant has milliseconds.
    public var text: String {
        let f = UTCCalendar.fields(of: date)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var out = "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2))T\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
        let millis = f.nanosecond / 1_000_000
        if millis > 0 { out += "." + pad(millis, 3) }
        return out + "Z"
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = APITimestamp(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 timestamp: \(text)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Equality and order compare instants only.
    public static func == (lhs: APITimestamp, rhs: APITimestamp) -> Bool { lhs.date == rhs.date }
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }
    public static func < (lhs: APITimestamp, rhs: APITimestamp) -> Bool { lhs.date < rhs.date }
}
