public import Foundation
import SyntheticRepository

/// The random numbers of a test: reproducible from a seed that every failure message names.
///
/// The seed is fixed per test, so runs are deterministic; set `KEYPLANE_TEST_SEED` to try another
/// (a failure prints `seed N`, and `KEYPLANE_TEST_SEED=N` replays it). The sequence is
/// `SeededGenerator`'s (SplitMix64), the one seeded generator of the package.
public struct TestRandom: RandomNumberGenerator, Sendable, CustomStringConvertible {
    /// The seed this generator started from.
    public let seed: UInt64
    private var generator: SeededGenerator

    /// A generator seeded with `KEYPLANE_TEST_SEED` when it is set, else with `defaultSeed`. The
    /// seed is printed, so a log of the run names it too.
    public init(defaultSeed: UInt64, environment: [String: String] = ProcessInfo.processInfo.environment) {
        seed = environment["KEYPLANE_TEST_SEED"].flatMap { UInt64($0) } ?? defaultSeed
        generator = SeededGenerator(seed: seed)
        print("random test seed \(seed) (KEYPLANE_TEST_SEED=\(seed) replays it)")
    }

    public mutating func next() -> UInt64 { generator.next() }

    /// `seed N`, for failure messages.
    public var description: String { "seed \(seed)" }
}
