import ArgumentParser
import Foundation
import Logging
import OpenRouterAPI
import OpenRouterClient
import SyntheticRepository

/// `keyplane-synth drift --count N`: changes N live keys through the management API, as someone
/// editing them in OpenRouter's dashboard would.
struct DriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Change the limit, reset or BYOK setting of N live keys behind keyplane's back.",
        discussion: """
            Reaches the API at OPENROUTER_BASE_URL with OPENROUTER_MANAGEMENT_KEY (or --api-url and \
            --management-key-file). Which keys change, and how, depends only on the key names and the seed.
            """)

    @Option(name: .long, help: "How many keys to change.")
    var count: Int

    @Option(name: .long, help: "The seed that picks the keys.")
    var seed: UInt64 = 1

    @Option(name: .customLong("api-url"), help: ArgumentHelp("The API's base URL (instead of OPENROUTER_BASE_URL).", valueName: "url"))
    var apiURL: String?

    @Option(name: .long, help: ArgumentHelp("A file holding the management key (instead of OPENROUTER_MANAGEMENT_KEY).", valueName: "file"))
    var managementKeyFile: String?

    @Option(name: .long, help: "How many requests may run at once.")
    var parallelism = 8

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more") }
        guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1") }
    }

    func run() async throws {
        let configuration: OpenRouterConfiguration
        do {
            configuration = try OpenRouterConfiguration.resolve(keyFile: managementKeyFile, baseURL: apiURL)
        } catch {
            throw ValidationError("cannot reach the API: \(error)")
        }
        let client = OpenRouterClient(configuration: configuration, maxConcurrentRequests: parallelism,
                                      logger: Logger(label: "keyplane-synth", factory: { _ in SwiftLogNoOpLogHandler() }))
        do {
            let keys = try await client.listKeys(includeDisabled: true)
            let edits = SyntheticDrift.edits(for: keys, count: count, seed: seed)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for edit in edits {
                    group.addTask { _ = try await client.updateKey(edit.hash, edit.update) }
                }
                try await group.waitForAll()
            }
            try await client.shutdown()
            let fields = Dictionary(grouping: edits, by: \.field).mapValues(\.count).sorted { $0.key < $1.key }
            print("Drifted \(edits.count) of \(keys.count) keys: " + fields.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ".")
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
