/// An amount of US dollars, held exactly as a whole number of nano-dollars (10⁻⁹ USD), which is
/// the precision OpenRouter reports. Exact arithmetic keeps comparisons between the manifests and
/// the API free of floating-point surprises.
///
/// The range is what an `Int64` of nano-dollars holds, about ±$9.22 billion (`USD.min` to
/// `USD.max`). Amounts beyond it do occur on the wire (a dashboard "unlimited" limit is $10¹²), so
/// every operation here saturates at those bounds instead of trapping or wrapping: a sum, a
/// difference or a product that would leave the range is the nearest bound. For money that is the
/// least surprising answer (a huge limit stays huge; nothing turns negative), and it never stops a
/// run on numbers from outside.
public struct USD: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let nanosPerDollar: Int64 = 1_000_000_000

    /// The amount in nano-dollars.
    public let nanos: Int64

    public init(nanos: Int64) { self.nanos = nanos }

    public static let zero = USD(nanos: 0)

    /// The largest amount: `Int64.max` nano-dollars, $9,223,372,036.854775807.
    public static let max = USD(nanos: .max)

    /// The smallest amount: `Int64.min` nano-dollars, -$9,223,372,036.854775808.
    public static let min = USD(nanos: .min)

    /// Converts an API number, rounding to the nearest nano-dollar. Amounts beyond the range,
    /// `+infinity` and `-infinity` saturate at `USD.max` and `USD.min`; NaN, which has no amount,
    /// is zero. Readers of outside input refuse non-finite numbers before they get here (see
    /// `isRepresentable(_:)`); this initializer is total so that no input can trap.
    public init(_ dollars: Double) {
        nanos = Self.saturatingNanos(dollars * Double(Self.nanosPerDollar))
    }

    /// Whether `dollars` converts without saturating: finite and within `USD.min...USD.max`.
    public static func isRepresentable(_ dollars: Double) -> Bool {
        let scaled = (dollars * Double(nanosPerDollar)).rounded()
        // 2⁶³ is the first Double above Int64.max; -2⁶³ is Int64.min exactly.
        return scaled.isFinite && scaled < 0x1p63 && scaled >= -0x1p63
    }

    /// `value` rounded to a whole number and clamped to Int64, NaN as zero: the one place a
    /// Double becomes nano-dollars, so no conversion can trap.
    static func saturatingNanos(_ value: Double) -> Int64 {
        let rounded = value.rounded()
        if rounded.isNaN { return 0 }
        if rounded >= 0x1p63 { return .max }
        if rounded <= -0x1p63 { return .min }
        return Int64(rounded)
    }

    /// Parses decimal text such as `12`, `12.5` or `0.000000001`, exactly. Nil for anything else,
    /// including a sign, an exponent, more than nine decimals or an amount above `USD.max`.
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), whole.count <= 12
        else { return nil }
        // At most twelve digits, so the whole dollars fit; the nano-dollars may not.
        var (nanos, overflow) = Int64(whole)!.multipliedReportingOverflow(by: Self.nanosPerDollar)
        guard !overflow else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            (nanos, overflow) = nanos.addingReportingOverflow(Int64(fraction + String(repeating: "0", count: 9 - fraction.count))!)
            guard !overflow else { return nil }
        }
        self.nanos = nanos
    }

    /// The amount as a Double, for the API's JSON numbers.
    public var doubleValue: Double { Double(nanos) / Double(Self.nanosPerDollar) }

    /// `$12.50`: two decimals, more only when the amount has them (`$0.0042`).
    public var description: String { formatted() }

    /// Dollars with at least `minimumDecimals` decimals and trailing zeros beyond that removed.
    /// Written digit by digit into one buffer: status pages format tens of thousands of amounts.
    public func formatted(minimumDecimals: Int = 2, symbol: Bool = true) -> String {
        let magnitude = nanos.magnitude
        let whole = magnitude / UInt64(Self.nanosPerDollar)
        var fraction = magnitude % UInt64(Self.nanosPerDollar)
        var decimals = 9
        while decimals > Swift.max(minimumDecimals, 0), fraction % 10 == 0 {
            fraction /= 10
            decimals -= 1
        }
        // Sign, symbol, at most 20 digits of a UInt64, the point and 9 decimals.
        return String(unsafeUninitializedCapacity: 32) { buffer in
            var count = 0
            func append(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            if nanos < 0 { append(UInt8(ascii: "-")) }
            if symbol { append(UInt8(ascii: "$")) }
            let wholeStart = count
            var rest = whole
            repeat {
                append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10))
                rest /= 10
            } while rest > 0
            buffer[wholeStart..<count].reverse()
            if decimals > 0 {
                append(UInt8(ascii: "."))
                for position in stride(from: count + decimals - 1, through: count, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: fraction % 10)
                    fraction /= 10
                }
                count += decimals
            }
            return count
        }
    }

    public static func < (lhs: USD, rhs: USD) -> Bool { lhs.nanos < rhs.nanos }

    /// The sum, saturating at `USD.min` and `USD.max`.
    public static func + (lhs: USD, rhs: USD) -> USD {
        let (sum, overflow) = lhs.nanos.addingReportingOverflow(rhs.nanos)
        guard overflow else { return USD(nanos: sum) }
        // Only two amounts of one sign overflow, and then towards that sign.
        return rhs.nanos < 0 ? .min : .max
    }

    /// The difference, saturating at `USD.min` and `USD.max`.
    public static func - (lhs: USD, rhs: USD) -> USD {
        let (difference, overflow) = lhs.nanos.subtractingReportingOverflow(rhs.nanos)
        guard overflow else { return USD(nanos: difference) }
        return rhs.nanos < 0 ? .max : .min
    }

    public static func += (lhs: inout USD, rhs: USD) { lhs = lhs + rhs }

    /// This amount multiplied by a whole number, saturating at `USD.min` and `USD.max`.
    public func times(_ factor: Int) -> USD {
        let (product, overflow) = nanos.multipliedReportingOverflow(by: Int64(factor))
        guard overflow else { return USD(nanos: product) }
        return (nanos < 0) == (factor < 0) ? .max : .min
    }

    /// This amount rounded to whole cents, halves away from zero, as on an invoice; near the
    /// bounds, the nearest whole cent within them.
    public func roundedToCents() -> USD {
        let cent: Int64 = 10_000_000
        let remainder = nanos % cent
        let down = nanos - remainder  // towards zero, never overflows
        guard remainder.magnitude >= UInt64(cent / 2) else { return USD(nanos: down) }
        let (away, overflow) = down.addingReportingOverflow(remainder < 0 ? -cent : cent)
        return USD(nanos: overflow ? down : away)
    }

    /// This amount multiplied by a rate such as a markup of 1.3, rounded to the nano-dollar and
    /// saturating at `USD.min` and `USD.max`.
    public func times(_ rate: Rate) -> USD {
        USD(nanos: Self.saturatingNanos(Double(nanos) * Double(rate.thousandths) / 1000))
    }
}

/// A non-negative multiplier held exactly in thousandths, such as a markup of 1.3 (`1300`).
public struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let thousandths: Int

    public init(thousandths: Int) { self.thousandths = thousandths }

    public static let one = Rate(thousandths: 1000)

    /// Parses `1`, `1.3` or `1.255`; nil for more than three decimals or anything else.
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 6,
            whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        var value = Int(whole)! * 1000
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 3, fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            value += Int(fraction + String(repeating: "0", count: 3 - fraction.count))!
        }
        thousandths = value
    }

    /// `1.3×`.
    public var description: String {
        var text = "\(thousandths / 1000)"
        var fraction = String(thousandths % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += "." + fraction }
        return text + "×"
    }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.thousandths < rhs.thousandths }
}
