import TestSupport
import StateModel
import Domain
import Foundation
import Manifest
import Plan
import PlanFile
import SealedState

/// Plans computed from manifests, state entries and live keys written out in the test.
enum PlanFixture {
    static let now = try! ManifestDate.parse("2026-11-22T09:00:00Z")
    static let created = try! ManifestDate.parse("2026-10-01T00:00:00Z")

    static func manifest(_ yaml: String) -> Manifest {
        let result = ManifestLoader.load(sources: [(file: "acme.yaml", text: yaml)], now: now)
        precondition(result.manifest != nil, "fixture manifest is invalid: \(result.diagnostics)")
        return result.manifest!
    }

    static func hash(_ seed: Int) -> String { String(repeating: String(format: "%02x", seed % 256), count: 32) }

    static func entry(_ address: String, seed: Int, limit: String?, reset: LimitReset?, expires: Period = .days(90),
                      protect: Bool = false, labels: [String: String] = [:]) -> StateEntry {
        StateEntry(address: KeyAddress(address)!, hash: hash(seed), name: "\(address) [kp-\(seed)]",
                   limit: limit.flatMap { USD(decimal: $0) }, limitReset: reset,
                   expiresAt: created.addingTimeInterval(expires.timeInterval), createdAt: created,
                   protect: protect, labels: labels)
    }

    static func live(_ entry: StateEntry, edit: (inout LiveKey) -> Void = { _ in }) -> LiveKey {
        var key = LiveKey(hash: entry.hash, name: entry.values.name, label: "sk-or-v1-\(entry.hash.prefix(3))...\(entry.hash.suffix(3))",
                          disabled: entry.values.disabled, limit: entry.values.limit, limitReset: entry.values.limitReset,
                          includeBYOKInLimit: entry.values.includeBYOKInLimit, createdAt: entry.createdAt, expiresAt: entry.values.expiresAt)
        edit(&key)
        return key
    }

    static func plan(_ manifest: Manifest, prior: [StateEntry], live: [LiveKey]?, options: PlanOptions = PlanOptions()) -> PlanDocument {
        let input = PlanInput(manifest: manifest, prior: prior, live: live, now: now, options: options,
                              binding: PlanBinding(manifests: ["manifests/acme.yaml": "0"], stateLineage: "l", stateSerial: 1,
                                                   remoteKeys: [:]),
                              toolVersion: "test")
        return try! PlanDocument(plan: Planner.plan(input))
    }
}
