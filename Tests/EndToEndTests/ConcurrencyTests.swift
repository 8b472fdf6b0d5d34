import Foundation
import Git
import OpenRouterSimulator
import Testing
import TestSupport

/// Two applies started at the same moment in the same repository. Each talks to its own
/// simulator, so the simulators' request counts show which run touched the API: exactly one may.
@Suite("two concurrent applies")
struct ConcurrencyTests {
    /// Both simulators hold every request until released: the run that takes the lock stops at
    /// its first API call, still holding it, so the other meets the lock however the two are
    /// scheduled. Once one run has ended (the refused one), the holds are released.
    @Test("exactly one touches the API; the other is refused before any call and names the holder")
    func oneWinsOneIsRefused() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let second = try await SimulatorHarness.start()
        defer { Task { try? await second.stop() } }
        var hold = FaultSettings()
        hold.holdRequests = true
        for simulator in [workspace.harness, second] {
            await simulator.faults.replace(with: hold)
            await simulator.faults.resetCounts()
        }

        let runs = try [
            workspace.start(["apply", "--auto-approve", "--parallelism", "1"]),
            workspace.start(["apply", "--auto-approve", "--parallelism", "1"],
                            environment: KeyplaneWorkspace.environment(for: second)),
        ]
        var outputs: [KeyplaneProcess.Output?] = [nil, nil]
        var endedFirst: Int?
        await withTaskGroup(of: (Int, KeyplaneProcess.Output).self) { group in
            for (index, run) in runs.enumerated() { group.addTask { (index, await run.wait()) } }
            while let (index, output) = await group.next() {
                if endedFirst == nil {
                    endedFirst = index
                    for simulator in [workspace.harness, second] { await simulator.faults.replace(with: FaultSettings()) }
                }
                outputs[index] = output
            }
        }
        let ended = outputs.compactMap { $0 }
        let requests = [await workspace.harness.faults.counts.requests, await second.faults.counts.requests]

        let winners = ended.indices.filter { ended[$0].exitCode == 0 }
        try #require(winners.count == 1, "exit codes \(ended.map(\.exitCode)): \(ended.map(\.stderr))")
        let winner = winners[0], loser = 1 - winner
        #expect(endedFirst == loser, "the run that took the lock ended while its requests were held")
        #expect(requests[winner] > 0)
        #expect(requests[loser] == 0, "the refused apply made \(requests[loser]) API requests")
        #expect(ended[loser].stderr.contains("another apply holds the lock"), "\(ended[loser].stderr)")
        #expect(ended[loser].stderr.contains("pid \(runs[winner].pid)"), "the refusal does not name the holder: \(ended[loser].stderr)")

        let keys = [await workspace.liveKeys().count, await second.state.keyCount]
        #expect(keys[winner] == 4 && keys[loser] == 0)
        #expect(try workspace.repository.resolve(reference: "refs/keyplane/apply-lock") == nil)
    }

    /// The folder in the workspace's .git where the apply lock ref and git's lock file for it live.
    static func lockRefFolder(of workspace: KeyplaneWorkspace) throws -> URL {
        let refs = workspace.folder.url.appendingPathComponent(".git/refs/keyplane")
        try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
        return refs
    }

    /// Whether `repository` holds the marker commit of the apply lock that process `pid` wrote.
    /// An apply writes it just before its first try at the lock ref, so once it is there the run
    /// is at git's lock file or about to meet it.
    static func lockMarkerExists(of pid: Int32, in repository: GitRepository, objects: URL) -> Bool {
        let files = FileManager.default
        for folder in (try? files.contentsOfDirectory(atPath: objects.path)) ?? [] where folder.count == 2 {
            for file in (try? files.contentsOfDirectory(atPath: objects.appendingPathComponent(folder).path)) ?? []
            where file.count == 38 {
                guard let id = ObjectID(hex: folder + file), let commit = try? repository.commit(id) else { continue }
                if commit.message.hasPrefix("keyplane apply lock"), commit.message.contains("Pid: \(pid)\n") { return true }
            }
        }
        return false
    }

    /// The moment two applies meet: one finds git's lock file on the ref while the other writes it.
    /// Here the "other" is played by hand: the lock file holds a marker, and is renamed into place
    /// once the apply has written its own marker (a file event, not a timer), exactly as git
    /// finishes writing a ref. The apply's wait is set far beyond the test's, so it is still
    /// waiting however slow the machine.
    @Test("an apply that finds git's lock file on the lock ref waits for it, then names the run that won")
    func lockFileOfAConcurrentWriterIsWaitedFor() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let refs = try Self.lockRefFolder(of: workspace)
        let repository = try workspace.repository
        let marker = try repository.createDetachedCommit(
            parent: nil, message: "keyplane apply lock\n\nHeld-By: the other run\nSince: 1767225600\n",
            author: KeyplaneWorkspace.author)
        let lockFile = refs.appendingPathComponent("apply-lock.lock")
        try Data("\(marker)\n".utf8).write(to: lockFile)
        await workspace.harness.faults.resetCounts()

        let objects = workspace.folder.url.appendingPathComponent(".git/objects")
        let events = try FileEvents(watching: objects)
        var environment = KeyplaneWorkspace.environment(for: workspace.harness)
        environment["KEYPLANE_LOCK_FILE_WAIT"] = "600"
        let run = try workspace.start(["apply", "--auto-approve"], environment: environment)
        let waiting = await run.waitWhileRunning(
            until: { Self.lockMarkerExists(of: run.pid, in: repository, objects: objects) }, events: events)
        try FileManager.default.moveItem(at: lockFile, to: refs.appendingPathComponent("apply-lock"))
        let output = await workspace.finish(run)

        #expect(waiting, "the apply ended before it wrote its lock marker: \(output.stderr)")
        #expect(output.exitCode == 1)
        #expect(output.stderr.contains("another apply holds the lock: the other run"), "\(output.stderr)")
        #expect(await workspace.harness.faults.counts.requests == 0)
    }

    @Test("a lock file git left behind on the lock ref is reported with what to do, once the wait is over")
    func staleLockFileIsReported() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let refs = try Self.lockRefFolder(of: workspace)
        try Data().write(to: refs.appendingPathComponent("apply-lock.lock"))
        await workspace.harness.faults.resetCounts()

        // The wait is 5 s by default; the behaviour is the same after 0.2 s.
        let output = try await workspace.run(["apply", "--auto-approve"], extraEnvironment: ["KEYPLANE_LOCK_FILE_WAIT": "0.2"])
        #expect(output.exitCode == 1)
        #expect(output.stderr.contains("stayed in place for 0.2 s"), "\(output.stderr)")
        #expect(output.stderr.contains("delete .git/refs/keyplane/apply-lock.lock"), "\(output.stderr)")
        #expect(await workspace.harness.faults.counts.requests == 0)
    }
}
