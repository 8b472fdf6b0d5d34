import ArgumentParser
import Domain
import Foundation
import Hummingbird
import Logging
import OpenRouterSimulator

/// `keyplane-synth simulator`: the OpenRouter simulator, as `keyplane simulator` serves it, plus a
/// tally of the answers to `/api/v1` requests by status at `/_bench/responses`.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Serve the OpenRouter simulator on loopback and count its answers by HTTP status.",
        discussion: """
            Prints 'listening on http://127.0.0.1:PORT' once it accepts connections, and serves until SIGINT \
            or SIGTERM. GET /_bench/responses returns the counts, DELETE /_bench/responses zeroes them. The \
            control routes of docs-site/simulator.md (/_simulator/faults, /_simulator/reset, …) work as usual.
            """)

    @Option(name: .long, help: "The port; 0 picks a free one.")
    var port = 0

    @Option(name: .long, help: ArgumentHelp("The management key to accept; created with a new key if missing.", valueName: "file"))
    var managementKeyFile: String

    @Option(name: .customLong("latency-ms"), help: "Delay added to every API request, in milliseconds.")
    var latencyMilliseconds = 0

    @Option(name: .long, help: ArgumentHelp("Requests per second above which every route answers 429.", valueName: "N"))
    var rateLimit: Double?

    func run() async throws {
        let key = try managementKey()
        var faults = FaultSettings()
        faults.latencyMilliseconds = latencyMilliseconds
        faults.requestsPerSecond = rateLimit
        let logger = Logger(label: "keyplane-synth.simulator", factory: { _ in SwiftLogNoOpLogHandler() })
        let simulator = try OpenRouterSimulator(configuration: SimulatorConfiguration(
            host: "127.0.0.1", port: port, managementKeys: [key], faults: faults, logger: logger))
        let responder = TallyingResponder(inner: simulator.makeRouter().buildResponder(), tally: ResponseTally())
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                // Written unbuffered, so a script waiting for the port sees it at once.
                let port = channel.localAddress?.port ?? -1
                FileHandle.standardOutput.write(Data("listening on http://127.0.0.1:\(port)\n".utf8))
            },
            logger: logger)
        try await app.runService()
    }

    private func managementKey() throws -> KeySecret {
        if let data = FileManager.default.contents(atPath: managementKeyFile) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw ValidationError("the management key file \(managementKeyFile) is empty") }
            return KeySecret(text)
        }
        let key = try KeyMaterial.newSecret()
        guard FileManager.default.createFile(
            atPath: managementKeyFile, contents: Data(key.revealed.utf8), attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("cannot write the management key file \(managementKeyFile)") }
        return key
    }
}
