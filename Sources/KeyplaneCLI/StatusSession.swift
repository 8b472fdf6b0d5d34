import Domain
import Engine
import Foundation
import Manifest
import Plan
import SealedState
import Status

/// Gathers a status snapshot: the manifests, the state, and (unless told not to) a refresh of the
/// live keys, with drift and unmanaged keys as a plan would find them.
struct StatusSession {
    let plan: PlanSession

    func snapshot(refresh: Bool) async throws -> StatusSnapshot {
        let now = Clock.now()
        let (manifest, files, opening) = try await plan.loadManifestWhileOpeningState(now: now)
        let state: PlanSession.PriorState?
        var live: [LiveKey]?
        if refresh {
            (state, live, _) = try await plan.refreshing(while: opening)
        } else {
            state = try await opening.value
        }
        let document = try plan.plan(manifest: manifest, files: files, state: state, live: live, managementLabel: nil,
                                     now: now, options: PlanOptions())
        let unmanaged = Set(document.plan.unmanaged.map(\.hash))
        let snapshot = StatusSnapshot(
            now: now, manifest: manifest, entries: state?.sortedEntries ?? [],
            live: Dictionary((live ?? []).map { ($0.hash, $0) }, uniquingKeysWith: { a, _ in a }),
            unmanaged: (live ?? []).filter { unmanaged.contains($0.hash) },
            drift: document.plan.drift.map { DriftNote(address: $0.address, message: $0.description) },
            refreshedAt: live == nil ? nil : now)
        KeptUntilExit.keep(snapshot)
        return snapshot
    }
}
