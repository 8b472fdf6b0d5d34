import StateModel
import Domain
import Foundation
import Git
import SealedState
import Site
import Status
import Testing
import TestSupport

/// A real repository: `state init`, then an apply that creates two keys, then an apply that
/// raises one key's limit, each a commit of the real state files.
private struct TwoApplies {
    let directory: TemporaryDirectory
    let repository: GitRepository
    let store: StateStore
    let entries: [StateEntry]
    let secondApply: ObjectID

    init() throws {
        directory = try TemporaryDirectory(prefix: "keyplane-history")
        repository = try GitRepository.create(at: directory.url)
        store = StateStore(folder: directory.url.appendingPathComponent("state"), checksGitHistory: false, displayName: "state")
        var opened = try store.initialize(recipients: [.passphrase(Passphrase("history"), cheapKDF)])
        try repository.commit(paths: try store.filePaths(relativeTo: directory.url), message: "keyplane state init\n",
                              author: author("Ada Operator", "2026-01-01"))
        let prod = StateEntry(address: address("acme/prod-api"), hash: StatusFixture.hash(1), name: "acme/prod-api",
                              limit: usd("80"), limitReset: .monthly, createdAt: day("2026-01-10"))
        let staging = StateEntry(address: address("acme/staging"), hash: StatusFixture.hash(2), name: "acme/staging",
                                 limit: usd("20"), limitReset: .weekly, createdAt: day("2026-01-10"))
        try opened.upsert(prod, secret: makeSecret(1))
        try opened.upsert(staging, secret: makeSecret(2))
        try store.write(&opened)
        try repository.commit(
            paths: try store.filePaths(relativeTo: directory.url),
            message: applyMessage("keyplane apply: 2 to create, 0 to update, 0 to replace, 0 to delete", plan: "sha256:aaaa"),
            author: author("Ada Operator", "2026-01-10"))
        var raised = prod
        raised.values.limit = usd("150")
        try opened.upsert(raised)
        try store.write(&opened)
        secondApply = try repository.commit(
            paths: try store.filePaths(relativeTo: directory.url),
            message: applyMessage("keyplane apply: 0 to create, 1 to update, 0 to replace, 0 to delete",
                                  body: "Raise acme's production limit for the launch.", plan: "sha256:bbbb"),
            author: author("Grace Hopper", "2026-02-20"))
        entries = opened.state.sortedEntries
    }
}

@Suite struct HistoryTests {
    @Test func aKeysHistoryPageShowsALimitChangeWithTheCommitThatMadeIt() throws {
        let setup = try TwoApplies()
        let snapshot = StatusSnapshot(now: fixtureNow, manifest: StatusFixture.manifest, entries: setup.entries)
        let output = setup.directory.url.appendingPathComponent("site")
        try StaticSite.generate(snapshot: snapshot, repository: setup.repository, docsFolder: nil, output: output)
        let page = try String(contentsOf: output.appendingPathComponent("keys/acme/prod-api.html"), encoding: .utf8)
        let row = try #require(page.components(separatedBy: "<tr>").first { $0.contains("limit changed from $80.00 to $150.00") })
        #expect(row.contains(setup.secondApply.short))
        #expect(row.contains("Grace Hopper"))
        #expect(row.contains("keyplane apply: 0 to create, 1 to update, 0 to replace, 0 to delete"))
        #expect(row.contains("2026-02-20"))
        #expect(page.contains("created with a $80.00 monthly limit"))
    }

    @Test func historyReadsEachKeysChangesFromTheStateFilesInGit() throws {
        let setup = try TwoApplies()
        let history = try RepositoryHistory.read(from: setup.repository)
        #expect(history.events[address("acme/prod-api")]?.map(\.change) == [
            .created(limit: usd("80"), reset: .monthly), .limitChanged(from: usd("80"), to: usd("150")),
        ])
        #expect(history.events[address("acme/staging")]?.map(\.change) == [.created(limit: usd("20"), reset: .weekly)])
    }

    @Test func theChangelogListsApplyCommitsNewestFirstAndNothingElse() throws {
        let setup = try TwoApplies()
        let history = try RepositoryHistory.read(from: setup.repository)
        #expect(history.applies.map(\.commit.planFingerprint) == ["sha256:bbbb", "sha256:aaaa"])
        #expect(history.applies[0].commit.id == setup.secondApply.hex)
        #expect(history.applies[0].commit.body == "Raise acme's production limit for the launch.")
        #expect(history.applies[0].events.map(\.address) == [address("acme/prod-api")])
    }
}
