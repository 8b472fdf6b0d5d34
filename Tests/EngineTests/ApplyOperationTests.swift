import Domain
import Engine
import Foundation
import Git
import OpenRouterSimulator
import Plan
import PlanFile
import Testing

/// The apply operation, in this process, against the simulator over loopback and a real git
/// repository with a real sealed state.
@Suite("apply operation")
struct ApplyOperationTests {
    @Test("every change applied is reported by address and committed; the next plan is empty")
    func appliedChangesAreReportedAndCommitted() async throws {
        let fixture = try await EngineFixture(keys: ["a", "b", "c"])
        let report = try await fixture.apply()
        #expect(report.applied.map(\.resource.description) == ["acme/a", "acme/b", "acme/c"])
        #expect(report.failed.isEmpty && report.notStarted.isEmpty)
        #expect(report.commitSubject == "keyplane apply: 3 created")
        let head = try #require(try fixture.git.head())
        #expect(try fixture.git.commit(head).subject == "keyplane apply: 3 created")
        #expect(report.commit == head.short)
        #expect(try await fixture.plan().plan.hasChanges == false)
        await fixture.stop()
    }

    @Test("a partial failure reports failed and not-started changes, commits, and the next apply converges")
    func partialFailureIsReportedCommittedAndLeftForTheNextRun() async throws {
        // Two creates start at once (parallelism 1 keeps two changes in progress). Each create
        // whose answer is a 500 is looked up by its marker and tried once more; four 500s in a
        // row make both fail, so the third create never starts.
        var faults = FaultSettings()
        faults.serverErrorNext = 4
        faults.routes = ["POST /keys"]
        let fixture = try await EngineFixture(keys: ["a", "b", "c"], faults: faults)
        let observer = RecordingObserver()
        await #expect(throws: OperationFailure.self) { try await fixture.apply(observer: observer) }
        let report = try #require(observer.reports.last)
        #expect(report.applied.isEmpty)
        #expect(report.failed.map(\.resource.description) == ["acme/a", "acme/b"])
        #expect(report.failed.allSatisfy { $0.message?.contains("two creates in a row lost their answers") == true })
        #expect(report.notStarted.map(\.resource.description) == ["acme/c"])
        #expect(report.commitSubject == "keyplane apply: 2 failed, 1 not started")
        #expect(await fixture.harness.state.keyCount == 0)

        let next = try await fixture.apply()
        #expect(next.applied.count == 3)
        #expect(await fixture.harness.state.keyCount == 3)
        #expect(try await fixture.plan().plan.hasChanges == false)
        await fixture.stop()
    }

    @Test("a create whose answer is lost is found by its marker, deleted and made again, without a duplicate")
    func ambiguousCreateIsRecovered() async throws {
        var faults = FaultSettings()
        faults.dropNext = 1
        faults.routes = ["POST /keys"]
        let fixture = try await EngineFixture(keys: ["a"], faults: faults)
        let observer = RecordingObserver()
        let report = try await fixture.apply(observer: observer)
        #expect(report.applied.map(\.resource.description) == ["acme/a"])
        #expect(report.notes.contains { $0.contains("the create's answer was lost") && $0.contains("found by its marker and deleted") })
        #expect(await fixture.harness.state.keyCount == 1)
        #expect(try await fixture.plan().plan.hasChanges == false)
        await fixture.stop()
    }

    @Test("a saved plan made before the manifests changed is refused before any API write")
    func staleSavedPlanIsRefused() async throws {
        let fixture = try await EngineFixture(keys: ["a"])
        let saved = try await fixture.plan()
        try fixture.setManifest(keys: ["a", "b"])
        let failure = await #expect(throws: OperationFailure.self) { try await fixture.apply(saved: saved) }
        #expect(failure?.description.contains("the saved plan is stale") == true)
        #expect(failure?.description.contains("manifest") == true)
        #expect(await fixture.harness.state.keyCount == 0)
        #expect(await fixture.harness.faults.counts.requests > 0)
        await fixture.stop()
    }
}
