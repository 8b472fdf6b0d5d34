import StateModel
import Domain
import Foundation
import Git
import Manifest
import SealedState
import Site
import Status
import TestSupport

/// The fixed moment every fixture is rendered at: 2026-03-15T12:00:00Z.
let fixtureNow = Date(timeIntervalSince1970: 1_773_576_000)

/// The cheapest key derivation the state accepts, so tests spend no time on it.
let cheapKDF = PassphraseKDF.pbkdf2SHA256(iterations: 1)

func address(_ text: String) -> KeyAddress { KeyAddress(text)! }
func usd(_ text: String) -> USD { USD(decimal: text)! }
func day(_ text: String) -> Date { try! ManifestDate.parse(text) }

/// A realistic secret: `sk-or-v1-` and 64 hex digits, different for every seed.
func makeSecret(_ seed: Int) -> KeySecret {
    var hex = ""
    var value = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678
    while hex.count < 64 {
        value = value &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let chunk = String(value >> 32, radix: 16)
        hex += String(repeating: "0", count: 8 - chunk.count) + chunk
    }
    return KeySecret("sk-or-v1-" + String(hex.prefix(64)))
}

/// OpenRouter's own label for a secret: the first 12 characters, `...`, the last 3.
func openRouterLabel(_ secret: KeySecret) -> String {
    "\(secret.revealed.prefix(12))...\(secret.revealed.suffix(3))"
}

private let here = SourceLocation(file: "manifests/fixture.yaml", line: 1, column: 1)

/// A small repository with every case the status shows: a key near its limit with a rotation
/// overdue, one expiring within a week with drift, a user's daily key counting BYOK, a disabled
/// key, an expired key without a limit, an adopted key, a key not created yet, a key only the
/// state still has, an unmanaged key, and names that need escaping.
struct StatusFixture {
    static let manifest = Manifest(
        clients: [
            Client(id: ClientID("acme")!, displayName: "Acme Corporation", billingEmail: "billing@acme.example",
                   markup: Rate(thousandths: 1300), monthlyCap: usd("500"), currency: "EUR", location: here),
            Client(id: ClientID("globex")!, displayName: "Globex <Labs> | R&D *", billingEmail: "ap@globex.example",
                   location: here),
            Client(id: ClientID("initech")!, displayName: "Initech", billingEmail: "finance@initech.example",
                   markup: Rate(thousandths: 1150), monthlyCap: usd("50"), currency: "GBP", location: here),
        ],
        users: [
            User(id: UserID("alice")!, email: "alice@acme.example", client: ClientID("acme")!, displayName: "Alice Liddell", location: here),
            User(id: UserID("bob")!, email: "bob@acme.example", client: ClientID("acme")!, location: here),
            User(id: UserID("carol")!, email: "carol@globex.example", client: ClientID("globex")!, location: here),
        ],
        keys: [
            KeySpec(address: address("acme/prod-api"), settings: KeySettings(
                limit: usd("100"), reset: .monthly, rotation: Rotation(every: .days(30), overlap: .days(2)),
                protect: true, labels: ["environment": "production", "team": "platform"]), location: here),
            KeySpec(address: address("acme/staging"), settings: KeySettings(limit: usd("20"), reset: .weekly, expiry: .at(day("2026-03-19"))), location: here),
            KeySpec(address: address("acme/alice/personal"), settings: KeySettings(limit: usd("5"), reset: .daily, includeBYOKInLimit: true), location: here),
            KeySpec(address: address("acme/bob/old"), settings: KeySettings(limit: usd("10"), disabled: true), location: here),
            KeySpec(address: address("globex/ingest"), settings: KeySettings(limit: nil, reset: nil, expiry: .at(day("2026-03-01"))), location: here),
            KeySpec(address: address("globex/carol/adopted"), settings: KeySettings(limit: usd("25")), location: here),
            KeySpec(address: address("initech/new-key"), settings: KeySettings(limit: usd("10")), location: here),
        ])

    /// The state's entries before any secret is sealed, with the seed of each one's secret (nil
    /// for the adopted key, whose secret keyplane never saw).
    static let entries: [(StateEntry, Int?)] = [
        (StateEntry(address: address("acme/prod-api"), hash: hash(1), name: "acme/prod-api", limit: usd("100"), limitReset: .monthly,
                    expiresAt: day("2026-06-01"), createdAt: day("2026-01-10"), rotatedAt: day("2026-02-01"), generation: 2), 1),
        (StateEntry(address: address("acme/staging"), hash: hash(2), name: "acme/staging", limit: usd("20"), limitReset: .weekly,
                    expiresAt: day("2026-03-19"), createdAt: day("2026-01-12")), 2),
        (StateEntry(address: address("acme/alice/personal"), hash: hash(3), name: "acme/alice/personal", limit: usd("5"),
                    limitReset: .daily, includeBYOKInLimit: true, expiresAt: day("2026-05-01"), createdAt: day("2026-02-01")), 3),
        (StateEntry(address: address("acme/bob/old"), hash: hash(4), name: "acme/bob/old", limit: usd("10"), limitReset: .monthly,
                    disabled: true, expiresAt: day("2026-04-20"), createdAt: day("2026-01-20")), 4),
        (StateEntry(address: address("globex/ingest"), hash: hash(5), name: "globex/ingest", expiresAt: day("2026-03-01"),
                    createdAt: day("2025-12-01")), 5),
        (StateEntry(address: address("globex/carol/adopted"), hash: hash(6), name: "carol's key", limit: usd("25"), limitReset: .monthly,
                    createdAt: day("2025-11-05")), nil),
        (StateEntry(address: address("globex/legacy"), hash: hash(7), name: "globex/legacy", limit: usd("1"),
                    createdAt: day("2025-10-01")), 7),
    ]

    static func hash(_ seed: Int) -> String { String(repeating: String(seed % 10), count: 8) + String(repeating: "ab", count: 28) }

    /// What OpenRouter reported, by hash.
    static func live(labels: [String: String]) -> [String: LiveKey] {
        func key(_ seed: Int, name: String, limit: USD?, reset: LimitReset?, byok: Bool = false, disabled: Bool = false,
                 credit: UsageWindows, byokUsage: UsageWindows = UsageWindows(), created: String, expires: String?) -> LiveKey {
            LiveKey(hash: hash(seed), name: name, label: labels[hash(seed)] ?? "sk-or-v1-000...000", disabled: disabled, limit: limit,
                    limitReset: reset, includeBYOKInLimit: byok, usage: KeyUsage(credit: credit, byok: byokUsage),
                    createdAt: day(created), expiresAt: expires.map(day))
        }
        let keys = [
            key(1, name: "acme/prod-api", limit: usd("100"), reset: .monthly,
                credit: UsageWindows(daily: usd("4.5"), weekly: usd("21.25"), monthly: usd("92"), total: usd("310.5")),
                created: "2026-02-01", expires: "2026-06-01"),
            key(2, name: "acme/staging", limit: usd("25"), reset: .weekly,
                credit: UsageWindows(daily: usd("0.4"), weekly: usd("3"), monthly: usd("7.75"), total: usd("12")),
                created: "2026-01-12", expires: "2026-03-19"),
            key(3, name: "acme/alice/personal", limit: usd("5"), reset: .daily, byok: true,
                credit: UsageWindows(daily: usd("1"), weekly: usd("2.5"), monthly: usd("6"), total: usd("6")),
                byokUsage: UsageWindows(daily: usd("0.5"), weekly: usd("1"), monthly: usd("1"), total: usd("1")),
                created: "2026-02-01", expires: "2026-05-01"),
            key(4, name: "acme/bob/old", limit: usd("10"), reset: .monthly, disabled: true,
                credit: UsageWindows(total: usd("3")), created: "2026-01-20", expires: "2026-04-20"),
            key(5, name: "globex/ingest", limit: nil, reset: nil,
                credit: UsageWindows(total: usd("40.123456789")), created: "2025-12-01", expires: "2026-03-01"),
            key(6, name: "carol's key", limit: usd("25"), reset: .monthly,
                credit: UsageWindows(daily: usd("0.2"), weekly: usd("1"), monthly: usd("5"), total: usd("18")),
                created: "2025-11-05", expires: nil),
            key(7, name: "globex/legacy", limit: usd("1"), reset: nil,
                credit: UsageWindows(total: usd("0.25")), created: "2025-10-01", expires: nil),
        ]
        return Dictionary(uniqueKeysWithValues: keys.map { ($0.hash, $0) })
    }

    static let unmanaged = [
        LiveKey(hash: String(repeating: "f0", count: 32), name: "manual <test>", label: "sk-or-v1-f00...d00",
                limit: usd("2"), limitReset: .daily,
                usage: KeyUsage(credit: UsageWindows(daily: usd("0.1"), weekly: usd("0.5"), monthly: usd("2.5"), total: usd("2.5"))),
                createdAt: day("2026-03-02")),
    ]

    static let drift = [
        DriftNote(address: address("acme/staging"), message: "limit is $25.00 on OpenRouter but $20.00 in the state | changed by hand"),
    ]

    let directory: TemporaryDirectory
    let store: StateStore
    let secrets: [KeySecret]
    let snapshot: StatusSnapshot

    /// Seals the entries into a real state in a temporary folder; `refreshed: false` leaves out
    /// everything live.
    init(refreshed: Bool = true) throws {
        directory = try TemporaryDirectory(prefix: "keyplane-status")
        store = StateStore(folder: directory.url.appendingPathComponent("state"), checksGitHistory: false, displayName: "state")
        var opened = try store.initialize(recipients: [.passphrase(Passphrase("fixture passphrase"), cheapKDF)], lineage: "fixture-lineage")
        var secrets: [KeySecret] = []
        var labels: [String: String] = [:]
        for (entry, seed) in Self.entries {
            let secret = seed.map(makeSecret)
            if let secret {
                secrets.append(secret)
                labels[entry.hash] = openRouterLabel(secret)
            }
            try opened.upsert(entry, secret: secret)
        }
        try store.write(&opened)
        self.secrets = secrets
        snapshot = StatusSnapshot(
            now: fixtureNow, manifest: Self.manifest, entries: opened.state.sortedEntries,
            live: refreshed ? Self.live(labels: labels) : [:], unmanaged: refreshed ? Self.unmanaged : [],
            drift: refreshed ? Self.drift : [], refreshedAt: refreshed ? fixtureNow.addingTimeInterval(-120) : nil)
    }

    /// A hand-made history with fixed commit ids, so pages that show it can be golden files.
    static let history: RepositoryHistory = {
        let first = CommitSummary(
            id: "1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5", author: "Ada Operator", date: day("2026-01-10"),
            subject: "keyplane apply: 6 to create, 0 to update, 0 to replace, 0 to delete",
            body: "Create the first keys of acme & globex.", planFingerprint: "sha256:0f1e2d")
        let second = CommitSummary(
            id: "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", author: "Grace <Ops>", date: day("2026-02-01"),
            subject: "keyplane apply: 0 to create, 1 to update, 1 to replace, 0 to delete", planFingerprint: "sha256:a1b2c3")
        let created = KeyEvent(address: address("acme/prod-api"), change: .created(limit: usd("80"), reset: .monthly), commit: first)
        let others = ["acme/staging", "acme/alice/personal", "acme/bob/old", "globex/ingest", "globex/gone"].map {
            KeyEvent(address: address($0), change: .created(limit: usd("10"), reset: .monthly), commit: first)
        }
        let raised = KeyEvent(address: address("acme/prod-api"), change: .limitChanged(from: usd("80"), to: usd("100")), commit: second)
        let rotated = KeyEvent(address: address("acme/prod-api"), change: .rotated(generation: 2), commit: second)
        var events: [KeyAddress: [KeyEvent]] = [address("acme/prod-api"): [created, rotated, raised]]
        for event in others { events[event.address] = [event] }
        return RepositoryHistory(
            events: events,
            applies: [ApplyRecord(commit: second, events: [rotated, raised]), ApplyRecord(commit: first, events: [created] + others)])
    }()

    /// Docs with a cross-link, an anchor, a table, an image and raw HTML that cmark must neutralise.
    static let docs = DocsSource(
        pages: [
            DocsSource.Page(path: "guide.md", markdown: """
                # Guide

                Read [the reference](reference.md#limits) or jump to [setup](#set-up-keys).

                ## Set up keys

                | field | meaning |
                |---|---|
                | `limit` | USD per window |

                ![diagram](images/flow.svg)

                <script>alert("x")</script>
                """),
            DocsSource.Page(path: "reference.md", markdown: "# Reference\n\n## Limits\n\nBack to the [guide](guide.md).\n"),
            DocsSource.Page(path: "nested/deep.md", markdown: "# Deep page\n\nSee [the guide](../guide.md).\n"),
        ],
        assets: [SiteFile(path: "images/flow.svg", contents: Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8))])
}
