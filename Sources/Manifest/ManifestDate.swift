public import Foundation

/// Absolute dates in manifests: `2027-06-30` (midnight UTC) or `2027-06-30T12:00:00Z`. Only UTC
/// is accepted, because OpenRouter rejects other offsets.
public enum ManifestDate {
    public enum ParseError: Error, Equatable {
        case notADate
        case notUTC
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Parses a date or a UTC date-time.
    public static func parse(_ text: String) throws(ParseError) -> Date {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else { throw .notADate }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        if bytes.count > 10 {
            guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
                bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
            else { throw .notADate }
            components.hour = hour
            components.minute = minute
            components.second = second
            var rest = bytes[19...]
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst().drop { $0 >= 48 && $0 <= 57 }
            }
            let zone = String(decoding: rest, as: UTF8.self)
            guard ["Z", "z", "+00:00", "+0000", "-00:00"].contains(zone) else {
                if zone.first == "+" || zone.first == "-" || zone.isEmpty { throw .notUTC }
                throw .notADate
            }
        }
        guard (1...12).contains(month), (1...31).contains(day), components.hour! < 24, components.minute! < 60,
            components.second! < 60, let date = utc.date(from: components),
            utc.component(.day, from: date) == day
        else { throw .notADate }
        return date
    }

    /// `2027-06-30T00:00:00Z`.
    public static func format(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `2027-06-30`.
    public static func formatDay(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
