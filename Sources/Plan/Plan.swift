public import Domain
public import Foundation
public import StateModel

/// Everything `plan` found: the changes to make to resources of every kind, drift, unmanaged
/// keys, warnings and guard violations. One value feeds the terminal text, the pull-request markdown, the JSON document
/// and `apply`. It holds no secret: no field can hold one.
public struct Plan: Codable, Hashable, Sendable {
    /// The saved-plan and JSON format version this build writes.
    public static let formatVersion = 4

    public var formatVersion: Int
    /// The keyplane version that made the plan.
    public var toolVersion: String
    public var createdAt: Date
    /// Whether live keys were refreshed from the API (false with --refresh=false).
    public var refreshed: Bool
    /// Whether the refresh was from keyplane's simulator rather than OpenRouter: every format
    /// says so, so that simulated data is never mistaken for OpenRouter's.
    public var simulated: Bool = false
    /// Every resource's change, no-ops included, sorted by address.
    public var changes: [PlanChange]
    public var drift: [Drift]
    /// Keys in OpenRouter that are neither in the state nor in the manifests. Never touched.
    public var unmanaged: [UnmanagedKey]
    public var warnings: [PlanWarning]
    public var violations: [GuardViolation]
    /// The addresses --target asked for (empty: all).
    public var targets: [KeyAddress]
    /// How close an expiry had to be for a warning (`PlanOptions.expiryWarningDays`).
    public var expiryWarningDays: Int
    public var binding: PlanBinding

    public init(toolVersion: String, createdAt: Date, refreshed: Bool, changes: [PlanChange], drift: [Drift],
                unmanaged: [UnmanagedKey], warnings: [PlanWarning], violations: [GuardViolation], targets: [KeyAddress],
                expiryWarningDays: Int = PlanOptions().expiryWarningDays, binding: PlanBinding) {
        formatVersion = Self.formatVersion
        self.toolVersion = toolVersion
        self.createdAt = createdAt
        self.refreshed = refreshed
        self.changes = changes
        self.drift = drift
        self.unmanaged = unmanaged
        self.warnings = warnings
        self.violations = violations
        self.targets = targets
        self.expiryWarningDays = expiryWarningDays
        self.binding = binding
    }

    /// The changes that do something.
    public var actions: [PlanChange] { changes.filter { $0.action != .noop } }

    /// Whether applying the plan would change anything.
    public var hasChanges: Bool { changes.contains { $0.action != .noop } }

    /// Counts per action.
    public var summary: Summary {
        var summary = Summary()
        for change in changes {
            switch change.action {
            case .create: summary.create += 1
            case .update: summary.update += 1
            case .replace: summary.replace += 1
            case .delete: summary.delete += 1
            case .adopt: summary.adopt += 1
            case .noop: summary.unchanged += 1
            }
        }
        return summary
    }

    /// The number of changes of each kind.
    public struct Summary: Codable, Hashable, Sendable, CustomStringConvertible {
        public var create = 0, update = 0, replace = 0, delete = 0, adopt = 0, unchanged = 0

        /// `Plan: 2 to create, 1 to update, 0 to replace, 0 to delete` (and adoptions when there are any).
        public var description: String {
            var text = "Plan: \(create) to create, \(update) to update, \(replace) to replace, \(delete) to delete"
            if adopt > 0 { text += ", \(adopt) to adopt" }
            return text
        }
    }

    /// All changes that widen spend, with their addresses.
    public var widenings: [(resource: ResourceAddress, widening: SpendWidening)] {
        changes.flatMap { change in change.widening.map { (change.resource, $0) } }
    }
}

/// A key in OpenRouter that keyplane does not manage, listed so that nobody is surprised by it.
public struct UnmanagedKey: Codable, Hashable, Sendable {
    /// The live keys that no state entry, rotation predecessor or pending adoption accounts for,
    /// newest first, each with its workspace's slug (from `workspaceSlugs`, by workspace id) or
    /// id. The planner and the status both ask this.
    public static func find(prior: [StateEntry], live: [LiveKey], adopting: Set<String> = [],
                            workspaceSlugs: [String: String] = [:]) -> [UnmanagedKey] {
        var managed = adopting
        for entry in prior {
            managed.insert(entry.hash)
            if let predecessor = entry.predecessor { managed.insert(predecessor.hash) }
        }
        return live.filter { !managed.contains($0.hash) }
            .sorted { ($0.createdAt, $0.hash) > ($1.createdAt, $1.hash) }
            .map { key in
                UnmanagedKey(hash: key.hash, name: key.values.name, label: key.label, disabled: key.values.disabled,
                             workspace: key.workspaceID.map { workspaceSlugs[$0] ?? $0 })
            }
    }

    public var hash: String
    public var name: String
    public var label: String
    public var disabled: Bool
    /// The workspace the key lives in, by slug (or id, when the slug is not known); nil when the
    /// listing did not say.
    public var workspace: String?

    public init(hash: String, name: String, label: String, disabled: Bool, workspace: String? = nil) {
        self.hash = hash
        self.name = name
        self.label = label
        self.disabled = disabled
        self.workspace = workspace
    }
}
