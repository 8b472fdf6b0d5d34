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
        guard let moment = UTCMoment(date) else {
            let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        }
        return moment.text(withTime: true)
    }

    /// `2027-06-30`.
    public static func formatDay(_ date: Date) -> String {
        guard let moment = UTCMoment(date) else {
            let c = utc.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        return moment.text(withTime: false)
    }

    /// A moment's UTC calendar fields, computed from the count of days since 1970 (the civil-date
    /// algorithm of Howard Hinnant's `chrono` papers). Plans, STATUS.md and the site print tens
    /// of thousands of dates, and a `Calendar` lookup and `String(format:)` cost several
    /// microseconds each. Only for years 1970 to 9999, where the proleptic Gregorian calendar
    /// this computes and Foundation's agree; other dates take the `Calendar` path.
    struct UTCMoment {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

        init?(_ date: Date) {
            let interval = date.timeIntervalSince1970
            guard interval >= 0, interval < 253_402_300_800 else { return nil }  // 1970-01-01 to 10000-01-01
            let seconds = Int(interval.rounded(.down))
            let days = seconds / 86_400, time = seconds % 86_400
            hour = time / 3600
            minute = time % 3600 / 60
            second = time % 60
            let shifted = days + 719_468
            let era = shifted / 146_097
            let dayOfEra = shifted - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
            month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        }

        func text(withTime: Bool) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(20)
            func digits(_ value: Int, _ count: Int) {
                var divisor = 1
                for _ in 1..<count { divisor *= 10 }
                while divisor > 0 {
                    bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                    divisor /= 10
                }
            }
            digits(year, 4)
            bytes.append(UInt8(ascii: "-"))
            digits(month, 2)
            bytes.append(UInt8(ascii: "-"))
            digits(day, 2)
            if withTime {
                bytes.append(UInt8(ascii: "T"))
                digits(hour, 2)
                bytes.append(UInt8(ascii: ":"))
                digits(minute, 2)
                bytes.append(UInt8(ascii: ":"))
                digits(second, 2)
                bytes.append(UInt8(ascii: "Z"))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
