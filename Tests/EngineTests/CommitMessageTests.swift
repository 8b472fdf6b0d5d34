import Domain
import Engine
import Foundation
import Plan
import PlanFile
import TestSupport
import Testing

/// The apply commit's message says what was applied, what failed and what never started, each by
/// address, and keeps outside text (an API error) inert.
@Suite("apply commit message")
struct CommitMessageTests {
    static func change(_ address: String, _ action: PlanAction, subject: PlanChange.Subject = .current) -> PlanChange {
        PlanChange(resource: .key(KeyAddress(address)!), action: action, subject: subject,
                   after: action == .delete ? nil : .key(KeyValues(name: address, limit: USD(decimal: "10"))))
    }

    @Test("applied, failed and not-started changes are listed apart, with trailers")
    func messageMatchesItsGoldenFile() throws {
        let changes = [
            Self.change("acme/a", .create), Self.change("acme/b", .update), Self.change("acme/c", .replace),
            Self.change("acme/d", .delete), Self.change("acme/e", .delete, subject: .predecessor), Self.change("acme/f", .create),
        ]
        let plan = Plan(toolVersion: "test", createdAt: Date(timeIntervalSince1970: 1_790_000_000), refreshed: true,
                        changes: changes, drift: [], unmanaged: [], warnings: [], violations: [], targets: [],
                        binding: PlanBinding(manifests: ["manifests/acme.yaml": "0"], stateLineage: "l", stateSerial: 1,
                                             remoteKeys: [:]))
        var result = ApplyResult()
        result.succeeded = Array(changes[0..<3]) + [changes[4]]
        result.failed = [(changes[3], "HTTP 500: [click me](https://evil.example) @octocat")]
        result.notStarted = [changes[5]]
        result.notes = ["acme/a: the create's answer was lost (connection closed); no key carries its marker, so it was created again"]
        let message = ApplyCommitMessage.make(document: try PlanDocument(plan: plan), result: result, recovered: [],
                                              toolVersion: "test")
        #expect(message.hasPrefix("keyplane apply: 1 created, 1 updated, 1 replaced, 1 deleted, 1 failed, 1 not started\n"))
        #expect(message.contains("`HTTP 500: [click me](https://evil.example) @octocat`"))
        let golden = Golden.folder().appendingPathComponent("Golden/commit-message.txt")
        if let diff = try Golden.compare(message, with: golden) { Issue.record(Comment(rawValue: diff)) }
    }
}
