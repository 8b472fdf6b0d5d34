public import Foundation

/// The random numbers of a test: reproducible from a seed that every failure message names.
///
/// The seed is fixed per test, so runs are deterministic; set `KEYPLANE_TEST_SEED` to try another
/// (a failure prints `seed N`, and `KEYPLANE_TEST_SEED=N` replays it). The sequence is SplitMix64,
/// the same as `SeededGenerator` in SyntheticRepository, which test targets do not all depend on.
public struct TestRandom: RandomNumberGenerator, Sendable, CustomStringConvertible {
    /// The seed this generator started from.
    public let seed: UInt64
    private var state: UInt64

    /// A generator seeded with `KEYPLANE_TEST_SEED` when it is set, else with `defaultSeed`. The
    /// seed is printed, so a log of the run names it too.
    public init(defaultSeed: UInt64, environment: [String: String] = ProcessInfo.processInfo.environment) {
        seed = environment["KEYPLANE_TEST_SEED"].flatMap { UInt64($0) } ?? defaultSeed
        state = seed
        print("random test seed \(seed) (KEYPLANE_TEST_SEED=\(seed) replays it)")
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `seed N`, for failure messages.
    public var description: String { "seed \(seed)" }
}
