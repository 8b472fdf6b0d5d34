import StateModel
import Domain
import Foundation
import Manifest
@testable import Plan
import PlanFile
import PlanReport
import SealedState
import TestSupport
import Testing

@Suite("planner")
struct PlannerTests {
    static let yaml = """
        clients:
          - id: acme
            name: Acme
            billing_email: billing@acme.example
        keys:
          - name: prod
            client: acme
            limit: 150
            reset: weekly
            protect: true
            labels: { environment: production }
          - name: staging
            client: acme
            limit: 5
            reset: daily
          - name: batch
            client: acme
            limit: 20
            expires: 60d
          - name: fresh
            client: acme
            limit: 1
        """

    /// prod: limit widened; staging: unchanged but drifted; batch: expiry changed; fresh: new;
    /// old: removed from the manifests; plus an unmanaged key.
    static func scenario() -> PlanDocument {
        let prod = PlanFixture.entry("acme/prod", seed: 1, limit: "100", reset: .monthly, protect: true,
                                     labels: ["environment": "production"])
        let staging = PlanFixture.entry("acme/staging", seed: 2, limit: "5", reset: .daily)
        let batch = PlanFixture.entry("acme/batch", seed: 3, limit: "20", reset: .monthly)
        let old = PlanFixture.entry("acme/old", seed: 4, limit: "9", reset: .monthly)
        let live = [
            PlanFixture.live(prod) { $0.usage.credit.weekly = USD(decimal: "160")! },
            PlanFixture.live(staging) { $0.values.limit = USD(decimal: "50") },
            PlanFixture.live(batch), PlanFixture.live(old),
            LiveKey(hash: PlanFixture.hash(9), name: "hand-made", label: "sk-or-v1-999...999", createdAt: PlanFixture.created),
        ]
        return PlanFixture.plan(PlanFixture.manifest(yaml), prior: [prod, staging, batch, old], live: live)
    }

    @Test("each key gets the action its differences call for")
    func actions() {
        let plan = Self.scenario().plan
        let actions = Dictionary(uniqueKeysWithValues: plan.changes.map { ($0.address.description, $0.action) })
        #expect(actions == ["acme/prod": .update, "acme/staging": .update, "acme/batch": .replace, "acme/fresh": .create,
                            "acme/old": .delete])
        #expect(plan.summary.description == "Plan: 1 to create, 2 to update, 1 to replace, 1 to delete")
    }

    @Test("drift is prior against refreshed and is put back by an update")
    func drift() {
        let plan = Self.scenario().plan
        #expect(plan.drift.map { PlanWords.drift($0) } == ["limit changed outside keyplane: $5.00 → $50.00"])
        let staging = plan.changes.first { $0.address.description == "acme/staging" }
        #expect(staging?.reasons.map(PlanWords.reason) == ["limit was changed outside keyplane and is put back"])
    }

    @Test("spend widening, a limit below usage and unmanaged keys are reported")
    func flags() {
        let plan = Self.scenario().plan
        let prod = plan.changes.first { $0.address.description == "acme/prod" }
        #expect(prod?.widening == [.higherLimit(from: USD(decimal: "100")!, to: USD(decimal: "150")!),
                                   .shorterWindow(from: .monthly, to: .weekly)])
        #expect(plan.warnings.contains(PlanWarning(resource: .key(KeyAddress("acme/prod")!),
                                                   kind: .limitBelowUsage(limit: USD(decimal: "150")!, spent: USD(decimal: "160")!))))
        #expect(plan.unmanaged.map(\.name) == ["hand-made"])
    }

    @Test("a rotation that is due replaces the key with an overlap")
    func rotationDue() {
        let manifest = PlanFixture.manifest("""
            clients: [{ id: acme, name: Acme, billing_email: b@acme.example }]
            keys:
              - { name: prod, client: acme, limit: 10, expires: 180d, rotation: { rotate_every: 30d, overlap: 2d } }
            """)
        let entry = PlanFixture.entry("acme/prod", seed: 1, limit: "10", reset: .monthly, expires: .days(180))
        let plan = PlanFixture.plan(manifest, prior: [entry], live: [PlanFixture.live(entry)]).plan
        let change = plan.changes.first
        #expect(change?.action == .replace)
        #expect(change?.handover == .overlap(until: PlanFixture.now.addingTimeInterval(2 * 86_400)))
        #expect(change?.reasons.first.map(PlanWords.reason) == "rotation due: created 2026-10-01, rotate_every 30d")
    }

    @Test("the rotation's previous key is deleted once the overlap has ended")
    func predecessorDeleted() {
        let manifest = PlanFixture.manifest(Self.yaml)
        var prod = PlanFixture.entry("acme/prod", seed: 1, limit: "150", reset: .weekly, protect: true, labels: ["environment": "production"])
        prod.predecessor = RotationPredecessor(hash: PlanFixture.hash(7), deleteAfter: PlanFixture.now.addingTimeInterval(-60))
        let previous = LiveKey(hash: PlanFixture.hash(7), name: "acme/prod [kp-7]", label: "x", createdAt: PlanFixture.created)
        let plan = PlanFixture.plan(manifest, prior: [prod], live: [PlanFixture.live(prod), previous]).plan
        let deletion = plan.changes.first { $0.subject == .predecessor }
        #expect(deletion?.action == .delete)
        #expect(deletion?.hash == PlanFixture.hash(7))
        #expect(!plan.unmanaged.contains { $0.hash == PlanFixture.hash(7) })
    }

    @Test("disabling a client's last active production key is refused unless allowed")
    func lastProductionKey() {
        let yaml = Self.yaml.replacingOccurrences(of: "protect: true", with: "disabled: true")
        let prod = PlanFixture.entry("acme/prod", seed: 1, limit: "150", reset: .weekly, labels: ["environment": "production"])
        let refused = PlanFixture.plan(PlanFixture.manifest(yaml), prior: [prod], live: [PlanFixture.live(prod)]).plan
        #expect(refused.violations.map(\.rule) == [.lastProductionKey])
        let allowed = PlanFixture.plan(PlanFixture.manifest(yaml), prior: [prod], live: [PlanFixture.live(prod)],
                                       options: PlanOptions(allowLastProductionKey: true)).plan
        #expect(allowed.violations.isEmpty)
    }

    @Test("only the production key itself is blamed when the last one goes, not other keys changing with it")
    func lastProductionKeyBlamesOnlyProductionKeys() {
        // prod is disabled and staging is removed in the same change: only prod breaks the guard.
        let yaml = Self.yaml.replacingOccurrences(of: "protect: true", with: "disabled: true")
            .replacingOccurrences(of: "  - name: staging\n    client: acme\n    limit: 5\n    reset: daily\n", with: "")
        let prod = PlanFixture.entry("acme/prod", seed: 1, limit: "150", reset: .weekly, labels: ["environment": "production"])
        let staging = PlanFixture.entry("acme/staging", seed: 2, limit: "5", reset: .daily)
        let plan = PlanFixture.plan(PlanFixture.manifest(yaml), prior: [prod, staging],
                                    live: [PlanFixture.live(prod), PlanFixture.live(staging)]).plan
        #expect(plan.changes.contains { $0.address.description == "acme/staging" && $0.action == .delete })
        #expect(plan.violations.map(\.address.description) == ["acme/prod"])
    }

    @Test("without a refresh the recorded state stands in for live keys and nothing is drift")
    func withoutRefresh() {
        let staging = PlanFixture.entry("acme/staging", seed: 2, limit: "5", reset: .daily)
        let plan = PlanFixture.plan(PlanFixture.manifest(Self.yaml), prior: [staging], live: nil).plan
        #expect(!plan.refreshed)
        #expect(plan.drift.isEmpty)
        #expect(plan.changes.first { $0.address.description == "acme/staging" }?.action == .noop)
    }

    @Test("a saved plan round-trips through its JSON document and an edited one is refused")
    func savedPlanRoundTrip() throws {
        let document = Self.scenario()
        let data = try document.encoded()
        #expect(try PlanDocument.decode(data) == document)
        let edited = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"toolVersion\" : \"test\"", with: "\"toolVersion\" : \"evil\"")
        #expect(edited != String(decoding: data, as: UTF8.self))
        #expect(throws: PlanDocument.ReadError.fingerprintMismatch) { try PlanDocument.decode(Data(edited.utf8)) }
    }

    @Test("the fingerprint covers unchanged keys and the remote digests: turning a no-op into an action is refused")
    func fingerprintCoversUnchangedKeys() throws {
        let staging = PlanFixture.entry("acme/staging", seed: 2, limit: "5", reset: .daily)
        let document = PlanFixture.plan(PlanFixture.manifest(Self.yaml), prior: [staging], live: [PlanFixture.live(staging)])
        #expect(document.plan.changes.contains { $0.action == .noop })
        let text = String(decoding: try document.encoded(), as: UTF8.self)
        let deleted = text.replacingOccurrences(of: "\"action\" : \"no-op\"", with: "\"action\" : \"delete\"")
        #expect(deleted != text)
        #expect(throws: PlanDocument.ReadError.fingerprintMismatch) { try PlanDocument.decode(Data(deleted.utf8)) }
        var first = document.plan, second = document.plan
        first.binding.remoteKeys = [PlanFixture.hash(2): "1111111111111111"]
        second.binding.remoteKeys = [PlanFixture.hash(2): "2222222222222222"]
        #expect(try PlanDocument.fingerprint(of: first) != PlanDocument.fingerprint(of: second))
    }

    @Test("a plan made in pieces on every core is the plan made in one pass")
    func piecesMakeTheSamePlan() throws {
        // 3,000 declared keys: creates, no-ops, updates, drift, replacements, deletions outside
        // keyplane, warnings and a guard, spread over every piece.
        var yaml = "clients: [{ id: acme, name: Acme, billing_email: b@acme.example }]\nusers: [{ id: ann, client: acme, name: Ann, email: ann@acme.example }]\nkeys:\n"
        var prior: [StateEntry] = []
        var live: [LiveKey] = []
        for index in 0..<3_000 {
            let owner = index % 3 == 0 ? "user: ann" : "client: acme"
            let address = index % 3 == 0 ? "acme/ann/k\(index)" : "acme/k\(index)"
            yaml += "  - { name: k\(index), \(owner), limit: \(index % 7 + 1), reset: monthly, expires: 90d }\n"
            guard index % 5 != 0 else { continue }  // not created yet
            let recorded = index % 11 == 0 ? "99" : String(index % 7 + 1)
            let entry = PlanFixture.entry(address, seed: index, limit: recorded, reset: .monthly,
                                          expires: index % 13 == 0 ? .days(30) : .days(90), protect: index % 17 == 0)
            prior.append(entry)
            switch index % 4 {
            case 0: break  // deleted outside keyplane
            case 1: live.append(PlanFixture.live(entry) { $0.values.limit = USD(decimal: "1000") })  // drift
            default: live.append(PlanFixture.live(entry))
            }
        }
        for index in 0..<40 {  // in the state, gone from the manifests, some protected
            let entry = PlanFixture.entry("acme/gone\(index)", seed: 10_000 + index, limit: "1", reset: nil, protect: index % 10 == 0)
            prior.append(entry)
            live.append(PlanFixture.live(entry))
        }
        let input = PlanInput(manifest: PlanFixture.manifest(yaml), prior: prior.sorted { $0.address < $1.address }, live: live,
                              now: PlanFixture.now, options: PlanOptions(),
                              binding: PlanBinding(manifests: [:], stateLineage: "l", stateSerial: 1, remoteKeys: nil),
                              toolVersion: "test")
        let onePass = Planner.plan(input, keysPerPiece: .max)
        #expect(Set(onePass.changes.map(\.action)) == [.create, .noop, .update, .replace, .delete])
        #expect(!onePass.drift.isEmpty && !onePass.warnings.isEmpty && !onePass.violations.isEmpty)
        for keysPerPiece in [1, 100, 1_024] {
            #expect(Planner.plan(input, keysPerPiece: keysPerPiece) == onePass, "pieces of \(keysPerPiece)")
        }
    }
}
