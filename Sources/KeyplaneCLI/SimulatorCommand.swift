import ArgumentParser
import Domain
import Foundation
import Logging
import OpenRouterSimulator

/// `keyplane simulator`: serves the OpenRouter key-management simulator until SIGINT or SIGTERM.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Serve a local OpenRouter key-management API, for demos, tests and trying manifests.",
        discussion: """
            Answers GET/POST /api/v1/keys, GET/PATCH/DELETE /api/v1/keys/{hash}, GET /api/v1/key, the
            workspace and budget routes under /api/v1/workspaces, and a minimal POST
            /api/v1/chat/completions that enforces key limits and workspace budgets, like OpenRouter,
            without spending credits. Control routes under /_simulator record spend, move the
            clock and set faults. The management key comes from --management-key-file or
            OPENROUTER_MANAGEMENT_KEY; without either, one is generated and written to a file whose path
            is printed. See docs-site/simulator.md.
            """,
        subcommands: [SimulatorSpendCommand.self])

    @Option(name: .long, help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port; 0 picks a free one and prints it.")
    var port = 8787

    @Option(name: .long, help: ArgumentHelp("A JSON file that keeps the keys across restarts (no secrets).", valueName: "file"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp(
        "A file holding the management key to accept; created with a new key if missing.", valueName: "file"))
    var managementKeyFile: String?

    @Flag(name: .long, help: "Print the management key itself (only when nobody else reads this output).")
    var printManagementKey = false

    @Option(name: .customLong("latency-ms"), help: "Delay added to every API request, in milliseconds.")
    var latencyMilliseconds = 0

    @Option(name: .long, help: "Share of API requests answered 500 (0 to 1).")
    var failRate = 0.0

    @Option(name: .long, help: "Share of API requests answered 503 (0 to 1).")
    var unavailableRate = 0.0

    @Option(name: .long, help: "Share of API requests answered 429 (0 to 1).")
    var throttleRate = 0.0

    @Option(name: .long, help: ArgumentHelp("Requests per second above which every route answers 429, as N or N/s.", valueName: "N/s"))
    var rateLimit: String?

    @Option(name: .long, help: ArgumentHelp("A per-route limit, such as 'POST /keys=2/s'; repeatable.", valueName: "route=N/s"))
    var routeRateLimit: [String] = []

    @Option(name: .long, help: "Seconds sent in Retry-After with 429 and 503.")
    var retryAfter = 1

    @Option(name: .long, help: "Share of successful API requests that are committed, then answered by closing the connection.")
    var dropRate = 0.0

    @Option(name: .long, help: ArgumentHelp(
        "The OpenRouter plan to play: enterprise, or standard, which refuses budget writes with 403.", valueName: "plan"))
    var edition = SimulatorEdition.enterprise.rawValue

    @Option(name: .long, help: ArgumentHelp(
        "US dollars one POST /chat/completions costs (default \(SimulatorConfiguration.defaultInferenceCost)).", valueName: "usd"))
    var inferenceCost: String?

    @Flag(name: .long, help: "Log every request.")
    var verbose = false

    func run() async throws {
        var faults = FaultSettings()
        faults.latencyMilliseconds = latencyMilliseconds
        faults.serverErrorShare = failRate
        faults.unavailableShare = unavailableRate
        faults.rateLimitShare = throttleRate
        faults.retryAfterSeconds = retryAfter
        faults.dropShare = dropRate
        if let rateLimit { faults.requestsPerSecond = try Self.rate(rateLimit) }
        for entry in routeRateLimit {
            guard let equals = entry.lastIndex(of: "=") else {
                throw ValidationError("--route-rate-limit takes 'METHOD /path=N/s', such as 'POST /keys=2/s'")
            }
            let route = String(entry[..<equals]).trimmingCharacters(in: .whitespaces)
            guard OpenRouterRouteNames.all.contains(route) else {
                throw ValidationError("unknown route '\(route)'; use one of: \(OpenRouterRouteNames.all.joined(separator: ", "))")
            }
            faults.routeRequestsPerSecond[route] = try Self.rate(String(entry[entry.index(after: equals)...]))
        }

        var cost = SimulatorConfiguration.defaultInferenceCost
        if let inferenceCost {
            guard let dollars = USD(decimal: inferenceCost), dollars >= .zero else {
                throw ValidationError("--inference-cost takes US dollars of 0 or more, such as 0.01")
            }
            cost = dollars
        }
        guard let plan = SimulatorEdition(rawValue: edition) else {
            throw ValidationError("--edition takes \(SimulatorEdition.allCases.map(\.rawValue).joined(separator: " or ")), not '\(edition)'")
        }
        let (key, keySource) = try managementKey()
        var logger = Logger(label: "keyplane.simulator")
        logger.logLevel = verbose ? .debug : .warning
        let running = try await RunningSimulator.start(
            SimulatorConfiguration(
                host: host, port: port, managementKeys: [key], dataFile: data, faults: faults, logger: logger,
                edition: plan, inferenceCost: cost),
            shutdownSignals: [.sigint, .sigterm])

        var keyNote = keySource
        if keySource.isEmpty {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("keyplane-simulator-\(running.port).key").path
            if FileManager.default.createFile(atPath: path, contents: Data(key.revealed.utf8), attributes: [.posixPermissions: 0o600]) {
                keyNote = "management key written to \(path) (export OPENROUTER_MANAGEMENT_KEY=\"$(cat \(path))\")"
            } else {
                keyNote = "could not write the management key to \(path); restart with --management-key-file FILE or --print-management-key"
            }
        }
        var lines = ["keyplane simulator listening on \(running.baseURL)", keyNote]
        if printManagementKey { lines.append("management key: \(key.revealed)") }
        lines.append("control routes: \(running.rootURL)/_simulator/{state,spend,clock,faults,reset}; stop with Ctrl-C")
        // Written unbuffered, so a script reading the port sees it at once.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try await running.wait()
    }

    private func managementKey() throws -> (KeySecret, String) {
        if let managementKeyFile {
            if let data = FileManager.default.contents(atPath: managementKeyFile) {
                let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { throw ValidationError("the management key file \(managementKeyFile) is empty") }
                return (KeySecret(text), "management key read from \(managementKeyFile)")
            }
            let key = try KeyMaterial.newSecret()
            guard FileManager.default.createFile(
                atPath: managementKeyFile, contents: Data(key.revealed.utf8), attributes: [.posixPermissions: 0o600])
            else { throw ValidationError("cannot write the management key file \(managementKeyFile)") }
            return (key, "new management key written to \(managementKeyFile)")
        }
        if let value = ProcessInfo.processInfo.environment["OPENROUTER_MANAGEMENT_KEY"], !value.isEmpty {
            return (KeySecret(value), "management key taken from OPENROUTER_MANAGEMENT_KEY")
        }
        return (try KeyMaterial.newSecret(), "")
    }

    private static func rate(_ text: String) throws -> Double {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("/s") { text.removeLast(2) }
        guard let value = Double(text), value > 0 else { throw ValidationError("a rate is a positive number, such as 10 or 10/s") }
        return value
    }
}
