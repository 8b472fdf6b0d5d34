import ArgumentParser

/// `keyplane-synth`: synthetic repositories, a counting simulator and a process timer for `script/bench`.
// swift-argument-parser runs an async root command only when it carries this annotation.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
@main
struct KeyplaneSynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyplane-synth",
        abstract: "Make synthetic keyplane repositories and drive a simulator, for benchmarks.",
        discussion: """
            `generate` writes a manifests folder for N keys, deterministic from a seed. `simulator` serves \
            the OpenRouter simulator and counts its answers by status, so a benchmark can show it never \
            hit the rate limit. `drift` changes settings of live keys behind keyplane's back. `measure` times \
            a command as a whole process, with its peak memory. See script/bench.
            """,
        subcommands: [GenerateCommand.self, SimulatorCommand.self, DriftCommand.self, MeasureCommand.self])
}
