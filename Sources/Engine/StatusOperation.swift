import Domain
public import Foundation
import Manifest
import Plan
import PlanReport
public import Status
import StateModel

/// Gathers what the status and the site render: the manifests, the state, and (unless told not
/// to) a refresh of the live keys, with drift and unmanaged keys found the way a plan finds them
/// (`Drift.of`, `UnmanagedKey.find`), without running the planner.
public struct StatusOperation: Sendable {
    public var workspace: Workspace
    public var connector: any APIConnector
    public var refresh: Bool
    public var now: Date

    public init(workspace: Workspace, connector: any APIConnector, refresh: Bool, now: Date) {
        self.workspace = workspace
        self.connector = connector
        self.refresh = refresh
        self.now = now
    }

    public func run(observer: any OperationObserver) async throws -> StatusSnapshot {
        let (inputs, opening) = try await workspace.manifestsWhileOpeningState(now: now, observer: observer)
        let state: PriorState?
        var refreshed: Refreshed?
        if refresh {
            (state, refreshed) = try await Refreshed.whileOpening(opening, connector: connector)
        } else {
            state = try await opening.value
        }
        let snapshot = Self.snapshot(now: now, manifest: inputs.manifest, entries: state?.sortedEntries ?? [],
                                     live: refreshed?.live, simulated: refreshed?.isSimulated ?? false)
        ExitTimeMemory.keep((inputs, state, refreshed, snapshot))
        return snapshot
    }

    /// The snapshot of `entries` against `live` (nil: not refreshed).
    static func snapshot(now: Date, manifest: Manifest, entries: [StateEntry], live: [LiveKey]?, simulated: Bool)
        -> StatusSnapshot {
        var byHash: [String: LiveKey] = [:]
        byHash.reserveCapacity(live?.count ?? 0)
        for key in live ?? [] where byHash[key.hash] == nil { byHash[key.hash] = key }
        var drift: [DriftNote] = []
        if live != nil {
            for entry in entries {
                for item in Drift.of(entry, live: byHash[entry.hash], refreshed: true) {
                    drift.append(DriftNote(address: entry.address, message: PlanWords.drift(item)))
                }
            }
        }
        let unmanaged = Set(UnmanagedKey.find(prior: entries, live: live ?? []).map(\.hash))
        return StatusSnapshot(
            now: now, manifest: manifest, entries: entries, live: byHash,
            unmanaged: (live ?? []).filter { unmanaged.contains($0.hash) }, drift: drift,
            refreshedAt: live == nil ? nil : now)
    }
}
