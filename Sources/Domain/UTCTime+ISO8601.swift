public import Foundation

// ISO 8601 text, written and read by hand, byte by byte: the state file, every page of keys and
// every status page hold thousands of timestamps.

extension UTCTime {
    /// The forms keyplane writes.
    public enum Style: Hashable, Sendable {
        /// `2025-06-15`.
        case date
        /// `2025-06-15T12:00:00Z`: the state file's and the manifests' form.
        case dateTime
        /// `2025-06-15T12:00:00Z`, or `2025-06-15T12:00:00.250Z` when the moment has milliseconds:
        /// the API's form.
        case dateTimeMilliseconds
        /// `2025-06-15 12:00`: minutes, for people (the status pages add ` UTC`).
        case dateHourMinute
    }

    /// The fields as text in `style`. Years 0 to 9999 take four digits, later years as many as
    /// they need, and years before 0 a minus sign, as ISO 8601's expanded years do.
    public func text(_ style: Style) -> String {
        // A sign, up to twenty digits of year (nine for any `Date`: the clamp keeps years within
        // ±285 million), `-MM-DD`, `THH:MM:SS`, `.mmm` and `Z`: 41 bytes at most.
        String(unsafeUninitializedCapacity: 48) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            // The last `digits` digits of `value`; fields out of range give wrong digits, never a trap.
            func put(_ value: Int, digits: Int) { put(value.magnitude, digits: digits) }
            func put(_ value: UInt, digits: Int) {
                var value = value
                for position in stride(from: count + digits - 1, through: count, by: -1) {
                    buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
                    value /= 10
                }
                count += digits
            }
            if year < 0 { put(UInt8(ascii: "-")) }
            let magnitude = year.magnitude
            var yearDigits = 4
            if magnitude >= 10_000 {
                while yearDigits < 20, magnitude >= Self.powerOfTen(yearDigits) { yearDigits += 1 }
            }
            put(magnitude, digits: yearDigits)
            put(UInt8(ascii: "-"))
            put(month, digits: 2)
            put(UInt8(ascii: "-"))
            put(day, digits: 2)
            switch style {
            case .date:
                break
            case .dateHourMinute:
                put(UInt8(ascii: " "))
                put(hour, digits: 2)
                put(UInt8(ascii: ":"))
                put(minute, digits: 2)
            case .dateTime, .dateTimeMilliseconds:
                put(UInt8(ascii: "T"))
                put(hour, digits: 2)
                put(UInt8(ascii: ":"))
                put(minute, digits: 2)
                put(UInt8(ascii: ":"))
                put(second, digits: 2)
                let milliseconds = nanosecond / 1_000_000
                if style == .dateTimeMilliseconds, milliseconds > 0 {
                    put(UInt8(ascii: "."))
                    put(milliseconds, digits: 3)
                }
                put(UInt8(ascii: "Z"))
            }
            return count
        }
    }

    /// `date` as UTC text in `style`.
    public static func text(_ date: Date, _ style: Style) -> String {
        // Only the API's form shows a fraction; the others skip working it out.
        style == .dateTimeMilliseconds ? UTCTime(date).text(style) : UTCTime(secondsSince1970: wholeSeconds(of: date)).text(style)
    }

    private static func powerOfTen(_ exponent: Int) -> UInt {
        var value: UInt = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

extension UTCTime {
    /// What a piece of ISO 8601 text says, before a reader decides whether it takes that form.
    public struct Parsed: Hashable, Sendable {
        /// The fields as written, in the text's own offset; valid (see `UTCTime.isValid`).
        public var fields: UTCTime
        /// The offset from UTC the text carried, in seconds (0 for `Z`); nil when it had none,
        /// as a date alone or a time without a zone.
        public var utcOffsetSeconds: Int?
        /// Whether the text had a time of day after the date.
        public var hasTime: Bool
        /// Whether the text is exactly `YYYY-MM-DDTHH:MM:SSZ`, the form `text(.dateTime)` writes
        /// for years 0 to 9999, with no leap second.
        public var isCanonical: Bool

        /// The instant: the fields less the offset, where no offset counts as UTC.
        public var date: Date {
            let seconds = fields.secondsSince1970 - Int64(utcOffsetSeconds ?? 0)
            return Date(timeIntervalSince1970: Double(seconds) + Double(fields.nanosecond) / 1_000_000_000)
        }
    }

    /// Reads `YYYY-MM-DD`, optionally followed by a time, `(T|t| )HH:MM:SS[.fraction]`, and then
    /// optionally a zone, `Z`, `z`, `±HH`, `±HHMM` or `±HH:MM`. A fraction keeps nine digits.
    /// Nil for anything else, and for fields that name no moment (2025-02-30, 24:00:00).
    public static func parse(_ text: String) -> Parsed? {
        // Read in place where the string is contiguous (native strings always are).
        text.utf8.withContiguousStorageIfAvailable(parse(utf8:)) ?? parse(utf8: Array(text.utf8))
    }

    /// Reads exactly `YYYY-MM-DDTHH:MM:SSZ`, the state file's form; nil for anything else.
    public static func parseCanonical(_ text: String) -> Date? {
        guard let parsed = parse(text), parsed.isCanonical else { return nil }
        return parsed.date
    }

    private static func parse<Bytes: RandomAccessCollection<UInt8>>(utf8 bytes: Bytes) -> Parsed? where Bytes.Index == Int {
        let start = bytes.startIndex, count = bytes.count
        func byte(_ offset: Int) -> UInt8? { offset < count ? bytes[start + offset] : nil }
        func number(_ offset: Int, digits: Int) -> Int? {
            guard offset + digits <= count else { return nil }
            var value = 0
            for index in offset..<offset + digits {
                let digit = bytes[start + index] &- UInt8(ascii: "0")
                guard digit <= 9 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, digits: 4), byte(4) == UInt8(ascii: "-"), let month = number(5, digits: 2),
            byte(7) == UInt8(ascii: "-"), let day = number(8, digits: 2)
        else { return nil }
        var fields = UTCTime(year: year, month: month, day: day)
        var index = 10
        var hasTime = false, canonical = false
        var offset: Int?
        if let separator = byte(index) {
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
                let hour = number(11, digits: 2), byte(13) == UInt8(ascii: ":"), let minute = number(14, digits: 2),
                byte(16) == UInt8(ascii: ":"), let second = number(17, digits: 2)
            else { return nil }
            fields.hour = hour
            fields.minute = minute
            fields.second = second
            hasTime = true
            index = 19
            if byte(index) == UInt8(ascii: ".") {
                index += 1
                var digits = 0
                while let next = byte(index), next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") {
                    if digits < 9 { fields.nanosecond = fields.nanosecond * 10 + Int(next - UInt8(ascii: "0")) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                for _ in Swift.min(digits, 9)..<9 { fields.nanosecond *= 10 }
            }
            switch byte(index) {
            case nil:
                break
            case UInt8(ascii: "Z")?, UInt8(ascii: "z")?:
                guard index + 1 == count else { return nil }
                offset = 0
                canonical = index == 19 && separator == UInt8(ascii: "T") && bytes[start + index] == UInt8(ascii: "Z")
                    && second < 60
            case let sign? where sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"):
                guard let hours = number(index + 1, digits: 2), hours < 24 else { return nil }
                let rest = count - index - 3
                let minutes: Int?
                switch rest {
                case 0: minutes = 0
                case 2: minutes = number(index + 3, digits: 2)
                case 3 where byte(index + 3) == UInt8(ascii: ":"): minutes = number(index + 4, digits: 2)
                default: minutes = nil
                }
                guard let minutes, minutes < 60 else { return nil }
                offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            default:
                return nil
            }
        }
        guard fields.isValid else { return nil }
        return Parsed(fields: fields, utcOffsetSeconds: offset, hasTime: hasTime, isCanonical: canonical)
    }
}
