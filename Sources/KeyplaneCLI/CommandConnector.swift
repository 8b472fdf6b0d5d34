import Domain
import Engine
import Foundation
import Logging
import OpenRouterAPI
import OpenRouterClient
import OpenRouterSimulator

/// How the commands reach OpenRouter: the real API when a management key (or an API URL) is
/// configured, else keyplane's embedded simulator, whose data lives in the repository's
/// `.keyplane/` folder. In CI a missing key is an error, never a quiet fallback.
struct CommandConnector: APIConnector {
    let options: APIOptions
    let root: URL

    /// The folder, under the repository root, that holds the embedded simulator's data and key.
    static let embeddedFolder = Workspace.privateFolder

    func open(maxConcurrentRequests: Int, prefetchingWorkspaces: Bool) async throws -> APIConnection {
        try await Self.open(options, root: root, maxConcurrentRequests: maxConcurrentRequests,
                            prefetchingWorkspaces: prefetchingWorkspaces)
    }

    /// Opens the connection and verifies the management key. With `prefetchingWorkspaces`, the
    /// account's workspaces are listed at the same time, saving a round trip for a refresh that
    /// follows; the answer is used only once the key is verified, and its failure is ignored.
    static func open(_ options: APIOptions, root: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                     maxConcurrentRequests: Int = 8, prefetchingWorkspaces: Bool = false) async throws -> APIConnection {
        let configured = options.managementKeyFile != nil || options.apiURL != nil
            || [OpenRouterConfiguration.keyVariable, OpenRouterConfiguration.legacyKeyVariable, OpenRouterConfiguration.baseURLVariable]
                .contains { !(environment[$0] ?? "").isEmpty }
        let configuration: OpenRouterConfiguration
        var embedded: RunningSimulator?
        let target: String
        if configured && environment["KEYPLANE_API"] != "embedded" {
            do {
                configuration = try OpenRouterConfiguration.resolve(
                    environment: environment, keyFile: options.managementKeyFile, baseURL: options.apiURL)
            } catch {
                throw CommandFailure("cannot reach OpenRouter: \(error)")
            }
            target = configuration.baseURL.absoluteString
        } else {
            // In CI a missing secret must not quietly turn into simulated keys committed to main.
            if environment["KEYPLANE_API"] != "embedded", let ci = ["GITHUB_ACTIONS", "CI"].first(where: { !(environment[$0] ?? "").isEmpty }) {
                throw CommandFailure("""
                    no OpenRouter management key is configured, and this looks like CI (\(ci) is set), so keyplane will \
                    not fall back to its embedded simulator: set OPENROUTER_MANAGEMENT_KEY from your CI secrets, or set \
                    KEYPLANE_API=embedded to use the simulator on purpose
                    """)
            }
            let folder = root.appendingPathComponent(embeddedFolder, isDirectory: true)
            let key = try embeddedManagementKey(in: folder)
            let simulator = try await RunningSimulator.start(SimulatorConfiguration(
                host: "127.0.0.1", port: 0, managementKeys: [key],
                dataFile: folder.appendingPathComponent("simulator.json").path,
                logger: Logger(label: "keyplane.simulator", factory: { _ in SwiftLogNoOpLogHandler() })))
            embedded = simulator
            configuration = try OpenRouterConfiguration(baseURL: simulator.baseURL, managementKey: key)
            target = "the embedded simulator (\(embeddedFolder)/simulator.json)"
            var standardError = StandardError()
            print("keyplane: no OpenRouter management key is configured, so this runs against the embedded simulator in \(embeddedFolder)/; set OPENROUTER_MANAGEMENT_KEY to manage real keys", to: &standardError)
        }
        let client = OpenRouterClient(configuration: configuration, maxConcurrentRequests: maxConcurrentRequests,
                                      logger: Logger(label: "keyplane.openrouter", factory: { _ in SwiftLogNoOpLogHandler() }))
        let prefetch = prefetchingWorkspaces ? Task { try await client.listWorkspaces() } : nil
        do {
            let current = try await client.verifyManagementKey()
            let workspaces = try? await prefetch?.value
            let simulator = embedded
            return APIConnection(client: client, target: target, managementKeyLabel: current.label, workspaces: workspaces,
                                 isSimulated: simulator != nil) {
                try? await client.shutdown()
                try? await simulator?.stop()
            }
        } catch {
            prefetch?.cancel()
            _ = try? await prefetch?.value
            try? await client.shutdown()
            try? await embedded?.stop()
            throw CommandFailure("cannot use \(target): \(error)")
        }
    }

    /// The embedded simulator's management key, made on first use and kept in a 0600 file.
    private static func embeddedManagementKey(in folder: URL) throws -> KeySecret {
        let file = folder.appendingPathComponent("simulator-management-key")
        if let data = FileManager.default.contents(atPath: file.path),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            return KeySecret(text)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = try KeyMaterial.newSecret()
        guard FileManager.default.createFile(atPath: file.path, contents: Data((key.revealed + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure("cannot write \(file.path)")
        }
        return key
    }
}
