import Foundation
import TestSupport
import Testing

/// `apply --format json` reports each event as one JSON object per line, for machines: the plan,
/// each finished change, and what was applied, failed and not started.
@Suite("apply's JSON events")
struct ApplyJSONTests {
    @Test("every line is a JSON object naming its type, ending with the applied report")
    func jsonLines() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let apply = try await workspace.run(["apply", "--auto-approve", "--format", "json"])
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        let events = try apply.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let types = events.compactMap { $0["type"] as? String }
        #expect(types.first == "plan")
        #expect(types.filter { $0 == "progress" }.count == 4)
        #expect(types.last == "applied")
        let applied = try #require(events.last?["applied"] as? [String: Any])
        #expect((applied["applied"] as? [Any])?.count == 4)
        #expect((applied["failed"] as? [Any])?.isEmpty == true)
        #expect((applied["commitSubject"] as? String) == "keyplane apply: 4 created")
    }
}
