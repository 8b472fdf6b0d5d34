public import Domain

/// Spend of one key in OpenRouter's windows, for credits and for BYOK separately.
public struct KeyUsage: Hashable, Sendable {
    /// Totals for one kind of spend.
    public struct Windows: Hashable, Sendable {
        public var total = USD.zero
        public var daily = USD.zero
        public var weekly = USD.zero
        public var monthly = USD.zero

        /// The spend in the window a limit with `reset` counts; all-time when there is no reset.
        public func window(_ reset: LimitReset?) -> USD {
            switch reset {
            case .daily: daily
            case .weekly: weekly
            case .monthly: monthly
            case nil: total
            }
        }
    }

    public var credits = Windows()
    public var byok = Windows()
}
