public import Domain
public import Foundation
public import Manifest
public import StateModel

/// One key as the status shows it: its settings, its place in the manifests and the state, and
/// its usage at the last refresh, joined by address (and by OpenRouter hash for the live side).
///
/// Settings come from OpenRouter when the key was refreshed, else from the state, else from the
/// manifests: the status describes what is, the plan describes what should be. It has no field
/// that can hold a secret or its masked preview; `label` is OpenRouter's own label at most.
public struct KeyStatus: Equatable, Sendable {
    public var address: KeyAddress
    /// Where the key stands at the snapshot's moment.
    public var condition: KeyCondition
    /// Whether the manifests declare the key. A key only in the state is deleted by the next apply.
    public var isDeclared: Bool
    /// OpenRouter's hash of the current key, once created.
    public var hash: String?
    /// The key's name on OpenRouter.
    public var openRouterName: String?
    /// OpenRouter's label for the key (its own masked form), from the last refresh.
    public var label: String?
    public var limit: USD?
    public var reset: LimitReset?
    public var includeBYOKInLimit: Bool
    public var disabled: Bool
    public var expiresAt: Date?
    public var createdAt: Date?
    public var rotatedAt: Date?
    /// 1 for the first key at this address, raised by every rotation.
    public var generation: Int?
    /// Whether the state holds the secret (`.unknown` for an adopted key); nil before creation.
    public var secretStatus: SecretStatus?
    /// The declared rotation schedule.
    public var rotation: Rotation?
    /// When the next rotation is due: the last rotation (or creation) plus the rotation period.
    public var rotationDue: Date?
    /// The OpenRouter hash of the key a rotation replaced, while it is kept for the overlap.
    public var predecessorHash: String?
    public var protect: Bool
    /// The declared labels, such as `environment: production`.
    public var labels: [String: String]
    /// The current key's usage at the last refresh; nil when it was not refreshed.
    public var usage: KeyUsage?
    /// What the key cost in OpenRouter credit, including a rotation predecessor still in use; nil
    /// when not refreshed. BYOK spend is paid to the provider directly and is not included.
    public var cost: UsageWindows?
    /// The spend counted against the limit in the current window; nil when not refreshed.
    public var spendInWindow: USD?
    /// The limit minus the spend in the window, never below zero; nil without a limit or usage.
    public var remaining: USD?
    /// The spend in the window as a whole percentage of the limit, rounded down; nil without a
    /// limit or usage. A zero limit with any spend is 100.
    public var percentUsed: Int?

    public init(address: KeyAddress, condition: KeyCondition, isDeclared: Bool, hash: String? = nil,
                openRouterName: String? = nil, label: String? = nil, limit: USD? = nil, reset: LimitReset? = nil,
                includeBYOKInLimit: Bool = false, disabled: Bool = false, expiresAt: Date? = nil, createdAt: Date? = nil,
                rotatedAt: Date? = nil, generation: Int? = nil, secretStatus: SecretStatus? = nil,
                rotation: Rotation? = nil, rotationDue: Date? = nil, predecessorHash: String? = nil,
                protect: Bool = false, labels: [String: String] = [:], usage: KeyUsage? = nil,
                cost: UsageWindows? = nil, spendInWindow: USD? = nil, remaining: USD? = nil, percentUsed: Int? = nil) {
        self.address = address
        self.condition = condition
        self.isDeclared = isDeclared
        self.hash = hash
        self.openRouterName = openRouterName
        self.label = label
        self.limit = limit
        self.reset = reset
        self.includeBYOKInLimit = includeBYOKInLimit
        self.disabled = disabled
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.rotatedAt = rotatedAt
        self.generation = generation
        self.secretStatus = secretStatus
        self.rotation = rotation
        self.rotationDue = rotationDue
        self.predecessorHash = predecessorHash
        self.protect = protect
        self.labels = labels
        self.usage = usage
        self.cost = cost
        self.spendInWindow = spendInWindow
        self.remaining = remaining
        self.percentUsed = percentUsed
    }

    /// The owning user, or nil for a key the client owns directly.
    public var owner: UserID? { address.user }
}
