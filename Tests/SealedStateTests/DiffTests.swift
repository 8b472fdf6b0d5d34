import Domain
import Foundation
import SealedState
import Testing

/// The layout is friendly to diffs: one key's limit change is one line in its client's file.
struct DiffTests {
    @Test func limitChangeTouchesOnlyThatKeysLimitLine() throws {
        let sandbox = try Sandbox()
        let passphrase = Passphrase("diff")
        var opened = try sandbox.store.initialize(recipients: [.passphrase(passphrase, testKDF)])
        for (index, key) in ["acme/prod-api", "acme/staging", "acme/alice/personal", "globex/web"].enumerated() {
            try opened.upsert(makeEntry(key), secret: makeSecret(30 + index))
        }
        try sandbox.store.write(&opened)
        let acmeBefore = try sandbox.read("clients/acme.json")
        let globexBefore = try sandbox.read("clients/globex.json")
        let headerBefore = try sandbox.read("keyplane-state.json")

        var reopened = try sandbox.store.open(with: Credentials(passphrase: passphrase))
        var entry = try #require(reopened.state[address("acme/staging")])
        entry.values.limit = USD(decimal: "25")
        try reopened.upsert(entry)
        try sandbox.store.write(&reopened)

        let changed = changedLines(acmeBefore, try sandbox.read("clients/acme.json"))
        #expect(changed.count == 1)
        #expect(changed.first?.old == "      \"limit\" : \"10.00\",")
        #expect(changed.first?.new == "      \"limit\" : \"25.00\",")
        #expect(try sandbox.read("clients/globex.json") == globexBefore)
        let headerChanges = changedLines(headerBefore, try sandbox.read("keyplane-state.json"))
        #expect(headerChanges.map { $0.old.split(separator: ":")[0].trimmingCharacters(in: .whitespaces) } == ["\"mac\"", "\"serial\""])
    }

    /// Line-by-line differences of two texts with the same number of lines.
    func changedLines(_ old: String, _ new: String) -> [(old: String, new: String)] {
        let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let newLines = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard oldLines.count == newLines.count else { return [("line count \(oldLines.count)", "line count \(newLines.count)")] }
        return zip(oldLines, newLines).filter { $0 != $1 }.map { (old: $0, new: $1) }
    }
}
