/// An amount of US dollars, held exactly as a whole number of nano-dollars (10⁻⁹ USD), which is
/// the precision OpenRouter reports. Exact arithmetic keeps comparisons between the manifests and
/// the API free of floating-point surprises.
public struct USD: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let nanosPerDollar: Int64 = 1_000_000_000

    /// The amount in nano-dollars.
    public let nanos: Int64

    public init(nanos: Int64) { self.nanos = nanos }

    public static let zero = USD(nanos: 0)

    /// Converts an API number, rounding to the nearest nano-dollar.
    public init(_ dollars: Double) {
        nanos = Int64((dollars * Double(Self.nanosPerDollar)).rounded())
    }

    /// Parses decimal text such as `12`, `12.5` or `0.000000001`, exactly. Nil for anything else,
    /// including a sign, an exponent or more than nine decimals.
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), whole.count <= 12
        else { return nil }
        var nanos = Int64(whole)! * Self.nanosPerDollar
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            nanos += Int64(fraction + String(repeating: "0", count: 9 - fraction.count))!
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
        while decimals > max(minimumDecimals, 0), fraction % 10 == 0 {
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
    public static func + (lhs: USD, rhs: USD) -> USD { USD(nanos: lhs.nanos &+ rhs.nanos) }
    public static func - (lhs: USD, rhs: USD) -> USD { USD(nanos: lhs.nanos &- rhs.nanos) }
    public static func += (lhs: inout USD, rhs: USD) { lhs = lhs + rhs }

    /// This amount multiplied by a whole number.
    public func times(_ factor: Int) -> USD { USD(nanos: nanos &* Int64(factor)) }

    /// This amount rounded to whole cents, halves away from zero, as on an invoice.
    public func roundedToCents() -> USD {
        let cent: Int64 = 10_000_000
        let half = nanos < 0 ? -cent / 2 : cent / 2
        return USD(nanos: (nanos + half) / cent * cent)
    }

    /// This amount multiplied by a rate such as a markup of 1.3, rounded to the nano-dollar.
    public func times(_ rate: Rate) -> USD {
        USD(nanos: Int64((Double(nanos) * Double(rate.thousandths) / 1000).rounded()))
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
