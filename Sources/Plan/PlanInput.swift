public import Domain
public import Foundation
public import Manifest
public import StateModel

/// Everything a plan is computed from. Prior (the state), refreshed (live keys) and desired (the
/// manifest) are kept apart: drift is prior against refreshed, the plan is desired against refreshed.
public struct PlanInput: Sendable {
    public var manifest: Manifest
    /// The state's entries: what keyplane recorded at its last apply.
    public var prior: [StateEntry]
    /// Every key OpenRouter lists, in every workspace, disabled ones included; nil when not refreshed.
    public var live: [LiveKey]?
    /// Every workspace OpenRouter lists, with its budgets; nil when not refreshed.
    public var liveWorkspaces: [LiveWorkspace]?
    /// Keys to take under management: `keyplane import ADDRESS HASH`.
    public var adoptions: [KeyAddress: String]
    /// The label of the management key in use, so that it can never be adopted into the state.
    public var managementKeyLabel: String?
    public var now: Date
    public var options: PlanOptions
    public var binding: PlanBinding
    public var toolVersion: String

    public init(manifest: Manifest, prior: [StateEntry], live: [LiveKey]?, liveWorkspaces: [LiveWorkspace]? = nil,
                adoptions: [KeyAddress: String] = [:],
                managementKeyLabel: String? = nil, now: Date, options: PlanOptions = PlanOptions(), binding: PlanBinding,
                toolVersion: String) {
        self.manifest = manifest
        self.prior = prior
        self.live = live
        self.liveWorkspaces = liveWorkspaces
        self.adoptions = adoptions
        self.managementKeyLabel = managementKeyLabel
        self.now = now
        self.options = options
        self.binding = binding
        self.toolVersion = toolVersion
    }
}
