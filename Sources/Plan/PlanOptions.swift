public import Domain

/// What the person asked for on the command line.
public struct PlanOptions: Hashable, Sendable {
    /// Only these addresses (empty: all).
    public var targets: Set<KeyAddress>
    /// Replace these keys now, with new secrets (a rotation on demand).
    public var replace: Set<KeyAddress>
    /// Allow a plan that deletes or disables a client's last active production key.
    public var allowLastProductionKey: Bool
    /// How close an expiry must be to be warned about.
    public var expiryWarningDays: Int

    public init(targets: Set<KeyAddress> = [], replace: Set<KeyAddress> = [], allowLastProductionKey: Bool = false,
                expiryWarningDays: Int = 7) {
        self.targets = targets
        self.replace = replace
        self.allowLastProductionKey = allowLastProductionKey
        self.expiryWarningDays = expiryWarningDays
    }
}
