import Domain
import Foundation
import Logging
import OpenRouterAPI
import OpenRouterClient
import TestSupport
import Testing

/// An API nobody answers on is reported after the client's own attempts, each failing as soon as
/// the connection is refused, never after a connect timeout per attempt.
@Suite struct UnreachableAPITests {
    @Test func refusedConnectionsAreRetriedByThePolicyAndReportedWithWhatWasTried() async throws {
        let sim = try await SimulatorHarness.start()
        let url = sim.baseURL, key = sim.managementKey
        try await sim.stop()  // nothing listens on its port now
        let client = OpenRouterClient(
            configuration: try OpenRouterConfiguration(baseURL: url, managementKey: key),
            retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20)),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        defer { Task { try? await client.shutdown() } }
        let error = await #expect(throws: OpenRouterClientError.self) { try await client.verifyManagementKey() }
        guard case .transport(let route, let detail, let attempts)? = error else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(route == .currentKey)
        #expect(attempts == 3)
        #expect(detail.lowercased().contains("refused"), "\(detail)")
    }
}
