import Domain
import Foundation
import Manifest
import Parallel
import Plan
public import PlanFile
import SealedState
import StateModel

/// Makes a plan: loads the manifests, opens the state, refreshes the live resources, plans, and
/// binds the plan to what it was made from. It changes nothing anywhere.
public struct PlanOperation: Sendable {
    public var workspace: Workspace
    public var connector: any APIConnector
    public var request: PlanRequest

    public init(workspace: Workspace, connector: any APIConnector, request: PlanRequest) {
        self.workspace = workspace
        self.connector = connector
        self.request = request
    }

    /// The plan, ready to render or save.
    public func run(observer: any OperationObserver) async throws -> PlanDocument {
        let (inputs, opening) = try await workspace.manifestsWhileOpeningState(now: request.now, observer: observer)
        do { try workspace.refusePendingJournal() } catch {
            _ = try? await opening.value
            throw error
        }
        guard request.refresh || !request.adoptions.isEmpty else {
            let state = try await opening.value
            if state == nil { try MissingState.check(workspace, live: nil) }
            return try await ParallelWork.offPool { [request, workspace] in
                try Self.plan(inputs, state: state, refreshed: nil, request: request, workspace: workspace)
            }
        }
        let (state, refreshed) = try await Refreshed.whileOpening(opening, connector: connector)
        if state == nil { try MissingState.check(workspace, live: refreshed.live) }
        ExitTimeMemory.keep((inputs, state, refreshed))
        return try await ParallelWork.offPool { [request, workspace] in
            try Self.plan(inputs, state: state, refreshed: refreshed, request: request, workspace: workspace)
        }
    }

    /// Assembles the plan from inputs already gathered. The planner only carries the binding over
    /// into the plan, so the binding's digests (of every manifest file and every live key) are
    /// taken on another core while it runs.
    static func plan(_ inputs: Inputs, state: PriorState?, refreshed: Refreshed?, request: PlanRequest,
                     workspace: Workspace) throws -> PlanDocument {
        try checkAddresses(request.options, manifest: inputs.manifest, state: state)
        let lineage = state?.opened.state.lineage, serial = state?.opened.state.serial, root = workspace.root
        let unbound = PlanBinding(manifests: [:], stateLineage: lineage, stateSerial: serial, remoteKeys: nil)
        let input = PlanInput(
            manifest: inputs.manifest, prior: state?.sortedEntries ?? [], live: refreshed?.live,
            liveWorkspaces: refreshed?.account.workspaces, adoptions: request.adoptions,
            managementKeyLabel: refreshed?.managementKeyLabel, now: request.now, options: request.options, binding: unbound,
            toolVersion: request.toolVersion)
        let files = inputs.files, live = refreshed?.live
        var (plan, binding) = try ParallelWork.both({ Planner.plan(input) }) {
            PlanBinding(manifests: try BindingDigests.manifests(files: files, root: root), stateLineage: lineage,
                        stateSerial: serial, remoteKeys: try live.map(BindingDigests.remote))
        }
        plan.binding = binding
        plan.simulated = refreshed?.isSimulated ?? false
        return try PlanDocument(plan: plan)
    }

    /// `--target` and `--replace` must name keys that exist: a typo would otherwise plan nothing
    /// and look like success.
    static func checkAddresses(_ options: PlanOptions, manifest: Manifest, state: PriorState?) throws {
        guard !options.targets.isEmpty || !options.replace.isEmpty else { return }
        let declared = Set(manifest.keys.map(\.address))
        let recorded = Set(state?.sortedEntries.map(\.address) ?? [])
        for address in options.targets.sorted() where !declared.contains(address) && !recorded.contains(address) {
            throw OperationFailure("--target \(address): no key has this address in the manifests or the state")
        }
        for address in options.replace.sorted() {
            guard declared.contains(address) else {
                throw OperationFailure("--replace \(address): no key with this address is declared in the manifests")
            }
            guard recorded.contains(address) else {
                throw OperationFailure("--replace \(address): this key has not been created yet, so there is nothing to replace")
            }
        }
    }
}
