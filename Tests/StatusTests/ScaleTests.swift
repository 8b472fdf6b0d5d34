import StateModel
import Domain
import Foundation
import Manifest
import SealedState
import Site
import Status
import Testing
import TestSupport

/// A synthetic repository of `clients × keysPerClient` keys, every tenth near its limit.
private func largeSnapshot(clients clientCount: Int, keysPerClient: Int) throws -> (StatusSnapshot, TemporaryDirectory) {
    let directory = try TemporaryDirectory(prefix: "keyplane-scale")
    let store = StateStore(folder: directory.url.appendingPathComponent("state"), checksGitHistory: false)
    var opened = try store.initialize(recipients: [.passphrase(Passphrase("scale"), cheapKDF)])
    let location = SourceLocation(file: "manifests/scale.yaml", line: 1, column: 1)
    var clients: [Client] = []
    var keys: [KeySpec] = []
    var live: [String: LiveKey] = [:]
    for c in 0..<clientCount {
        let id = ClientID(String(format: "client-%03d", c))!
        clients.append(Client(id: id, displayName: "Client \(c)", billingEmail: "billing@client\(c).example",
                              markup: Rate(thousandths: 1000 + c * 10), monthlyCap: usd("10000"), location: location))
        for k in 0..<keysPerClient {
            let address = KeyAddress(client: id, name: KeyName(String(format: "key-%04d", k))!)
            let hash = String(format: "%08x", c * 100_000 + k) + String(repeating: "0", count: 56)
            keys.append(KeySpec(address: address, settings: KeySettings(limit: usd("100")), location: location))
            try opened.upsert(
                StateEntry(address: address, hash: hash, name: address.description, limit: usd("100"), limitReset: .monthly,
                           expiresAt: fixtureNow.addingTimeInterval(Double(k % 60 + 1) * 86_400), createdAt: day("2026-01-01")),
                secret: makeSecret(c * 100_000 + k))
            let spent = k % 10 == 0 ? usd("95") : usd("12.5")
            live[hash] = LiveKey(hash: hash, name: address.description, label: "sk-or-v1-000...000", limit: usd("100"),
                                 limitReset: .monthly, usage: KeyUsage(credit: UsageWindows(daily: usd("1"), weekly: usd("5"), monthly: spent, total: spent)),
                                 createdAt: day("2026-01-01"), expiresAt: fixtureNow.addingTimeInterval(Double(k % 60 + 1) * 86_400))
        }
    }
    let snapshot = StatusSnapshot(now: fixtureNow, manifest: Manifest(clients: clients, keys: keys),
                                  entries: opened.state.sortedEntries, live: live, refreshedAt: fixtureNow)
    return (snapshot, directory)
}

private func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

@Suite(.serialized) struct ScaleTests {
    @Test func tenThousandKeysRenderWithACappedDashboard() throws {
        let (snapshot, directory) = try largeSnapshot(clients: 40, keysPerClient: 250)
        var files: [SiteFile] = []
        var markdown = ""
        let output = directory.url.appendingPathComponent("site")
        let statusTime = seconds { markdown = StatusMarkdown.render(snapshot) }
        let renderTime = try seconds { files = try StaticSite.render(report: StatusReport(snapshot), history: .empty) }
        let writeTime = try seconds { try SiteWriter.write(files, to: output) }
        print("10,000 keys: STATUS.md \(statusTime) s, site render \(renderTime) s, write \(writeTime) s, \(files.count) files")
        #expect(files.count > 10_000)
        let dashboard = try #require(files.first { $0.path == "index.html" })
        #expect(dashboard.contents.count < 200_000)
        #expect(dashboard.text.contains("…and 990 more: "))
        #expect(markdown.contains("- …and 975 more; the client tables below list every key."))
    }

    /// How the time grows is measured by `script/bench`, as whole processes; here, without a
    /// clock, the work: ten times the keys make about ten times the pages and bytes, never a page
    /// per pair of keys.
    @Test func renderedSiteGrowsAboutLinearlyWithTheNumberOfKeys() throws {
        let (small, _) = try largeSnapshot(clients: 10, keysPerClient: 100)
        let (large, _) = try largeSnapshot(clients: 40, keysPerClient: 250)
        let smallSite = try StaticSite.render(report: StatusReport(small), history: .empty)
        let largeSite = try StaticSite.render(report: StatusReport(large), history: .empty)
        let smallBytes = smallSite.reduce(0) { $0 + $1.contents.count }
        let largeBytes = largeSite.reduce(0) { $0 + $1.contents.count }
        let pages = Double(largeSite.count) / Double(smallSite.count)
        let bytes = Double(largeBytes) / Double(smallBytes)
        #expect((8...12).contains(pages), "pages: \(smallSite.count) for 1,000 keys, \(largeSite.count) for 10,000")
        #expect((8...12).contains(bytes), "bytes: \(smallBytes) for 1,000 keys, \(largeBytes) for 10,000")
    }
}
