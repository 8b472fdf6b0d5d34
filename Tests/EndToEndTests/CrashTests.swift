import Foundation
import Git
import OpenRouterAPI
import OpenRouterSimulator
import Testing
import TestSupport

/// Apply killed with SIGKILL part-way through creating 100 keys, at many different points: while
/// creates are in flight, between a create and its journal record, after the state was written,
/// after the commit. Each time, the next apply must converge with no secret lost, no duplicate
/// and no orphan left in OpenRouter.
@Suite("apply survives SIGKILL at any point of a 100-key create", .serialized)
struct CrashTests {
    static let keyCount = 100

    /// One client with 100 keys of mixed limits and resets.
    static let manifest: String = {
        var text = """
            clients:
              - id: acme
                name: Acme
                billing_email: billing@acme.example
            keys:

            """
        let resets = ["daily", "weekly", "monthly"]
        for index in 0..<keyCount {
            text += """
                  - name: k\(String(format: "%03d", index))
                    client: acme
                    limit: \(5 + index % 7 * 10)
                    reset: \(resets[index % 3])

                """
        }
        return text
    }()

    /// Where to pull the plug.
    enum KillPoint: CustomStringConvertible, Sendable {
        /// As soon as the apply lock is taken, before any API call.
        case lockTaken
        /// Once the journal has this many records (an intent and a created record per key).
        case journalRecords(Int)
        /// While the state write is staged, before its files move into place.
        case stateStaging
        /// Once the staged state write is marked complete, while its files move into place.
        case stateStaged
        /// Once the new state file is on disk, before the commit.
        case stateWritten
        /// Once the commit is made, before the journal is removed.
        case committed

        var description: String {
            switch self {
            case .lockTaken: "after the lock was taken"
            case .journalRecords(let count): "after \(count) journal records"
            case .stateStaging: "while the state write was staged"
            case .stateStaged: "once the state write was marked complete"
            case .stateWritten: "after the state was written"
            case .committed: "after the commit"
            }
        }
    }

    static let killPoints: [KillPoint] = [
        .lockTaken, .journalRecords(1), .journalRecords(2), .journalRecords(7), .journalRecords(40), .journalRecords(101),
        .journalRecords(160), .journalRecords(199), .journalRecords(200), .stateWritten, .committed,
    ]

    @Test("one kill, then the next apply converges", arguments: killPoints)
    func killOnceThenConverge(at point: KillPoint) async throws {
        let workspace = try await Self.makeWorkspace()
        defer { Task { await workspace.stop() } }
        let killed = try await Self.applyAndKill(workspace, at: point)
        if case .committed = point {
            // The window between the commit and the journal's removal is a few milliseconds; a run
            // that slips through it has simply finished, which the checks below cover too.
        } else {
            #expect(killed, "the run finished before it reached the kill point")
        }
        try await Self.recoverAndConverge(workspace, killed: killed, context: "\(point)")
    }

    @Test("killed again and again at later points, the runs that follow still converge")
    func repeatedKills() async throws {
        let workspace = try await Self.makeWorkspace()
        defer { Task { await workspace.stop() } }
        // The two kill points inside the state write last a moment: a run may finish before the
        // kill lands, which these runs allow.
        for point: KillPoint in [.journalRecords(30), .stateStaging, .journalRecords(25), .stateStaged, .journalRecords(60),
                                 .stateStaging, .stateStaged, .stateWritten] {
            let killed = try await Self.applyAndKill(workspace, at: point)
            if killed { try await workspace.run(["unlock"]) }
        }
        try await Self.recoverAndConverge(workspace, killed: true, context: "after eight kills")
    }

    // MARK: Steps

    static func makeWorkspace() async throws -> KeyplaneWorkspace {
        var faults = FaultSettings()
        faults.latencyMilliseconds = 8
        return try await KeyplaneWorkspace(manifest: manifest, faults: faults)
    }

    /// Starts `apply --auto-approve`, watches the repository, and kills the run at `point`.
    /// Returns false when the run finished before reaching the point.
    static func applyAndKill(_ workspace: KeyplaneWorkspace, at point: KillPoint) async throws -> Bool {
        let repository = try workspace.repository
        let headBefore = try repository.head()
        let stateFile = workspace.folder.url.appendingPathComponent("state/keyplane-state.json")
        let stateBefore = FileManager.default.contents(atPath: stateFile.path)
        let journal = workspace.folder.url.appendingPathComponent(".keyplane/journal.jsonl")
        let pending = workspace.folder.url.appendingPathComponent("state/.pending-write")

        func reached() throws -> Bool {
            switch point {
            case .lockTaken:
                return try repository.resolve(reference: "refs/keyplane/apply-lock") != nil
            case .journalRecords(let count):
                let data = FileManager.default.contents(atPath: journal.path) ?? Data()
                return data.reduce(0) { $1 == 0x0a ? $0 + 1 : $0 } >= count
            case .stateStaging:
                return FileManager.default.fileExists(atPath: pending.path)
            case .stateStaged:
                return FileManager.default.fileExists(atPath: pending.appendingPathComponent("complete").path)
            case .stateWritten:
                return FileManager.default.contents(atPath: stateFile.path) != stateBefore
            case .committed:
                return try repository.head() != headBefore
            }
        }

        // Every kill point is a file in the workspace (the journal, the state, a ref), so the
        // check runs again on each change the kernel reports there, not on a timer.
        let events = try FileEvents(watching: workspace.folder.url)
        let run = try workspace.start(["apply", "--auto-approve", "--parallelism", "4"])
        let killed = try await run.waitWhileRunning(until: reached, events: events)
        if killed { run.kill() }
        let output = await workspace.finish(run)
        if killed {
            #expect(output.signaled && output.exitCode == SIGKILL, "\(point): the run ended on its own first: \(output.stderr)")
        } else {
            #expect(output.exitCode == 0, "\(point): \(output.stderr)")
        }
        return killed && output.signaled
    }

    /// Clears the dead run's lock, applies again, and checks that everything converged.
    static func recoverAndConverge(_ workspace: KeyplaneWorkspace, killed: Bool, context: String) async throws {
        let repository = try workspace.repository
        if killed, try repository.resolve(reference: "refs/keyplane/apply-lock") != nil {
            let refused = try await workspace.run(["apply", "--auto-approve"])
            #expect(refused.exitCode == 1, "\(context)")
            #expect(refused.stderr.contains("another apply holds the lock"), "\(context): \(refused.stderr)")
            #expect(refused.stderr.contains("That process is no longer running on this host, so the lock is stale"), "\(context): \(refused.stderr)")
            let unlock = try await workspace.run(["unlock"])
            #expect(unlock.exitCode == 0 && unlock.stdout.contains("Cleared the apply lock"), "\(context): \(unlock.combined)")
        }
        let apply = try await workspace.run(["apply", "--auto-approve", "--parallelism", "4"])
        #expect(apply.exitCode == 0, "\(context): \(apply.stderr)")

        let plan = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(plan.exitCode == 0, "\(context): the plan after recovery is not empty:\n\(plan.stdout)\(plan.stderr)")
        #expect(try repository.resolve(reference: "refs/keyplane/apply-lock") == nil, "\(context): the lock was not released")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.url.appendingPathComponent(".keyplane/journal.jsonl").path),
                "\(context): the journal was left behind")

        // Exactly one live key per address: no duplicate, no orphan.
        let live = await workspace.liveKeys()
        #expect(live.count == keyCount, "\(context): \(live.count) keys live")
        let addresses = live.map { String($0.name.prefix { $0 != " " }) }
        #expect(Set(addresses).count == keyCount, "\(context): duplicate keys for one address")

        // Every live key's secret is sealed in the state, and every sealed secret is a live key's.
        let export = try await workspace.run(["secrets", "export", "--client", "acme", "--format", "json", "--stdout"])
        #expect(export.exitCode == 0, "\(context): \(export.stderr)")
        let secrets = try JSONDecoder().decode([String: String].self, from: Data(export.stdout.utf8))
        #expect(secrets.count == keyCount, "\(context): \(secrets.count) secrets in the state")
        let sealedHashes = Set(try secrets.values.map { try KeyMaterial.hash(of: $0) })
        #expect(sealedHashes == Set(live.map(\.hash)), "\(context): the sealed secrets and the live keys differ")

        // The state write finished or was undone on its own: no staging, no temporary file.
        let stateFolder = workspace.folder.url.appendingPathComponent("state")
        for folder in [stateFolder, stateFolder.appendingPathComponent("clients")] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(names.filter { $0.hasPrefix(".") }.isEmpty, "\(context): left in \(folder.lastPathComponent): \(names)")
        }

        // The state that holds them is committed.
        let head = try #require(try repository.head())
        let committed = try #require(try repository.contents(at: "state/keyplane-state.json", in: head))
        #expect(committed == FileManager.default.contents(atPath: workspace.folder.url.appendingPathComponent("state/keyplane-state.json").path),
                "\(context): the state on disk is not the committed one")
    }
}
