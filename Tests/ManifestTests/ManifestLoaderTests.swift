import Domain
import Foundation
import Manifest
import TestSupport
import Testing

@Suite("manifest loading")
struct ManifestLoaderTests {
    let now = try! ManifestDate.parse("2026-11-22T09:00:00Z")

    static let acme = """
        clients:
          - id: acme
            name: Acme
            billing_email: billing@acme.example
            markup: 1.3
            monthly_cap: 500
        """

    @Test("the example repository validates with no diagnostics")
    func exampleRepositoryIsClean() throws {
        let root = Golden.folder().appendingPathComponent("../../manifests").standardizedFileURL
        let result = ManifestLoader.load(path: root.path, now: now)
        #expect(result.diagnostics.map(\.description) == [])
        let manifest = try #require(result.manifest)
        #expect(manifest.clients.count == 3)
        #expect(manifest.users.count == 12)
        #expect(manifest.keys.filter { $0.address.user != nil }.count == 12)
        #expect(manifest.keys.contains { $0.settings.isProduction && $0.settings.reset == .monthly })
        #expect(manifest.keys.contains { $0.settings.labels["environment"] == "staging" && $0.settings.reset == .daily })
        #expect(Set(manifest.clients.map(\.markup)).count == 3)
    }

    @Test("declarations in several files merge into one model with policy defaults applied")
    func filesMerge() throws {
        let result = ManifestLoader.load(sources: [
            (file: "policy.yaml", text: "policy:\n  default_expiry: 30d\n  default_reset: weekly\n"),
            (file: "acme.yaml", text: Self.acme),
            (file: "acme-keys.yaml", text: """
                users:
                  - id: bob
                    email: bob@acme.example
                    client: acme
                    key: { limit: 3 }
                keys:
                  - name: prod
                    client: acme
                    limit: 12.5
                    reset: daily
                    labels: { environment: production }
                """),
        ], now: now)
        #expect(result.diagnostics.isEmpty)
        let manifest = try #require(result.manifest)
        #expect(manifest.keys.map(\.address.description) == ["acme/prod", "acme/bob/personal"])
        let personal = manifest.keys[1].settings
        #expect(personal.limit == USD(decimal: "3"))
        #expect(personal.reset == .weekly)
        #expect(personal.expiry == .after(.days(30)))
        let prod = manifest.keys[0].settings
        #expect(prod.limit == USD(nanos: 12_500_000_000))
        #expect(prod.isProduction)
        #expect(manifest.client(ClientID("acme")!)?.markup == Rate(thousandths: 1300))
    }

    @Test("a duplicate id across files points at both places")
    func duplicateAcrossFiles() {
        let result = ManifestLoader.load(sources: [
            (file: "a.yaml", text: Self.acme),
            (file: "b.yaml", text: "\n" + Self.acme),
        ], now: now)
        #expect(result.diagnostics.map(\.description) == [
            "b.yaml:3:5: error: duplicate client id 'acme'; it is already declared at a.yaml:2:5",
        ])
    }

    @Test("a second policy in another file is an error")
    func onePolicy() {
        let result = ManifestLoader.load(sources: [
            (file: "a.yaml", text: "policy:\n  max_expiry: 1y\n"),
            (file: "b.yaml", text: "policy:\n  max_expiry: 2y\n"),
        ], now: now)
        #expect(result.diagnostics.map(\.description) == [
            "b.yaml:2:3: error: policy is already declared at a.yaml:2:3; a repository has one policy",
        ])
    }

    @Test("problems in several files are all reported in one run, sorted by place")
    func everyProblemInOneRun() {
        let result = ManifestLoader.load(sources: [
            (file: "a.yaml", text: "clients:\n  - id: acme\n    name: Acme\n    billing_email: nope\n"),
            (file: "b.yaml", text: "keys:\n  - name: prod\n    client: globex\n    limit: -3\n"),
        ], now: now)
        #expect(result.diagnostics.map(\.location.file) == ["a.yaml", "b.yaml", "b.yaml"])
        #expect(result.errors.count == 3)
        #expect(result.manifest == nil)
    }

    @Test("a folder without manifest files is an error, not an empty model")
    func emptyFolder() throws {
        let folder = try TemporaryDirectory()
        let result = ManifestLoader.load(path: folder.path, now: now)
        #expect(result.diagnostics.map(\.message) == ["no manifest files (*.yaml or *.yml) in this folder"])
        #expect(result.manifest == nil)
    }

    @Test("diagnostics name files by the path the user gave")
    func pathsAsGiven() throws {
        let folder = try TemporaryDirectory()
        try folder.write("clients:\n  - id: acme\n    nme: Acme\n    billing_email: b@acme.example\n", to: "manifests/clients/acme.yaml")
        let result = ManifestLoader.load(path: folder.path + "/manifests", now: now)
        #expect(result.diagnostics.first?.location.file == folder.path + "/manifests/clients/acme.yaml")
        #expect(result.diagnostics.first?.message == "unknown field 'nme' in client; did you mean 'name'?")
    }

    @Test("long descriptive names are not mistaken for secrets")
    func descriptiveNamesAreNotSecrets() {
        let result = ManifestLoader.load(sources: [(file: "a.yaml", text: Self.acme + """

            keys:
              - name: service-12-with-a-long-descriptive-name
                client: acme
                labels: { team: data-platform-ingestion-pipeline-2027 }
            """)], now: now)
        #expect(result.errors.map(\.description) == [])
    }
}
