import Domain
import Testing

/// `USD` holds Int64 nano-dollars, about ±$9.22 billion; beyond that every operation saturates.
@Suite struct USDTests {
    @Test("an amount from a Double beyond the range saturates at the bounds")
    func doublesBeyondTheRangeSaturate() {
        #expect(USD(1e12) == .max)
        #expect(USD(1e15) == .max)
        #expect(USD(1e10) == .max)
        #expect(USD(-1e12) == .min)
        #expect(USD(.infinity) == .max)
        #expect(USD(-.infinity) == .min)
        #expect(USD(.nan) == .zero)
        #expect(USD(.greatestFiniteMagnitude) == .max)
        // $9,223,372,036 is still within range (to the precision of a Double).
        #expect((USD(9_223_372_036).nanos - 9_223_372_036_000_000_000).magnitude < 2048)
        #expect(USD(12.5) == USD(nanos: 12_500_000_000))
    }

    @Test("representable means finite and within the range")
    func representableAmounts() {
        #expect(USD.isRepresentable(0))
        #expect(USD.isRepresentable(9_000_000_000))
        #expect(USD.isRepresentable(-9_000_000_000))
        #expect(!USD.isRepresentable(1e10))
        #expect(!USD.isRepresentable(-1e10))
        #expect(!USD.isRepresentable(.infinity))
        #expect(!USD.isRepresentable(.nan))
    }

    @Test("sums, differences and products saturate instead of wrapping")
    func arithmeticSaturates() {
        let dollar = USD(nanos: USD.nanosPerDollar)
        #expect(USD.max + dollar == .max)
        #expect(USD.min + USD(nanos: -1) == .min)
        #expect(USD.min - dollar == .min)
        #expect(USD.max - USD(nanos: -1) == .max)
        #expect(USD.max.times(2) == .max)
        #expect(USD.max.times(-2) == .min)
        #expect(USD.min.times(2) == .min)
        #expect(USD.min.times(-1) == .max)
        #expect(USD.max.times(Rate(thousandths: 1300)) == .max)
        #expect(USD.min.times(Rate(thousandths: 1300)) == .min)
        var total = USD.max
        total += dollar
        #expect(total == .max)
        // Within the range nothing changes.
        #expect(dollar + dollar == USD(nanos: 2 * USD.nanosPerDollar))
        #expect(dollar - dollar.times(3) == USD(nanos: -2 * USD.nanosPerDollar))
        #expect(USD(10).times(Rate(thousandths: 1300)) == USD(13))
    }

    @Test("rounding to cents rounds halves away from zero, and stays in range at the bounds")
    func roundingToCents() {
        #expect(USD(nanos: 15_000_000).roundedToCents() == USD(nanos: 20_000_000))
        #expect(USD(nanos: -15_000_000).roundedToCents() == USD(nanos: -20_000_000))
        #expect(USD(nanos: 14_999_999).roundedToCents() == USD(nanos: 10_000_000))
        #expect(USD.max.roundedToCents() == USD(nanos: 9_223_372_036_850_000_000))
        #expect(USD.min.roundedToCents() == USD(nanos: -9_223_372_036_850_000_000))
    }

    @Test("decimal text beyond the range is refused, not a trap")
    func decimalTextBeyondTheRange() {
        #expect(USD(decimal: "9223372036.854775807") == .max)
        #expect(USD(decimal: "9223372036.854775808") == nil)
        #expect(USD(decimal: "9223372037") == nil)
        #expect(USD(decimal: "999999999999") == nil)
        #expect(USD(decimal: "1000000000000") == nil)
        #expect(USD(decimal: "9000000000") == USD(nanos: 9_000_000_000 * USD.nanosPerDollar))
    }

    @Test("the bounds format like any other amount")
    func boundsFormat() {
        #expect(USD.max.description == "$9223372036.854775807")
        #expect(USD.min.description == "-$9223372036.854775808")
    }
}
