import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
public import UnixSignals
import NIOCore

/// A simulator serving in the background of this process, until `stop()` or a shutdown signal.
public final class RunningSimulator: Sendable {
    public let simulator: OpenRouterSimulator
    /// The port actually bound (useful when 0 was asked for).
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// `http://HOST:PORT` (brackets around IPv6 hosts).
    public var rootURL: String {
        let host = simulator.configuration.host
        return "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// `http://HOST:PORT/api/v1`, the base URL a client uses.
    public var baseURL: String { rootURL + OpenRouterSimulator.apiPrefix }

    private init(simulator: OpenRouterSimulator, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.simulator = simulator
        self.port = port
        self.group = group
        self.task = task
    }

    /// Binds and starts serving; returns once the port is known.
    /// - Parameter shutdownSignals: signals that stop the server gracefully (the CLI passes
    ///   SIGINT and SIGTERM; tests pass none).
    public static func start(
        _ configuration: SimulatorConfiguration, shutdownSignals: [UnixSignal] = []
    ) async throws -> RunningSimulator {
        let simulator = try OpenRouterSimulator(configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: simulator.makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? -1)
                continuation.finish()
            },
            logger: configuration.logger)
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: shutdownSignals, cancellationSignals: [],
                                 logger: configuration.logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            // The server stopped before it was listening; its error says why.
            try await task.value
            throw SimulatorStartError(host: configuration.host, port: configuration.port)
        }
        return RunningSimulator(simulator: simulator, port: port, group: group, task: task)
    }

    /// Stops accepting requests, lets running ones finish, and waits for the server to end.
    public func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    /// Serves until the server ends (by a shutdown signal or `stop()`).
    public func wait() async throws { try await task.value }
}
