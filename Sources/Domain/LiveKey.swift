public import Foundation

/// A key as OpenRouter reported it at the last refresh: the "refreshed" side of a plan.
/// Settings can drift from what keyplane recorded; usage is an observation, never drift.
public struct LiveKey: Hashable, Sendable {
    /// OpenRouter's 64-hex id.
    public var hash: String
    /// The key's settings as OpenRouter holds them.
    public var values: KeyValues
    /// OpenRouter's masked preview of the secret, such as `sk-or-v1-b7e...2b2`.
    public var label: String
    public var limitRemaining: USD?
    public var usage: KeyUsage
    public var createdAt: Date
    public var updatedAt: Date?
    /// The workspace the key lives in, by OpenRouter's id; nil when the answer did not say.
    public var workspaceID: String?

    public init(hash: String, values: KeyValues, label: String, limitRemaining: USD? = nil, usage: KeyUsage = KeyUsage(),
                createdAt: Date, updatedAt: Date? = nil, workspaceID: String? = nil) {
        self.hash = hash
        self.values = values
        self.label = label
        self.limitRemaining = limitRemaining
        self.usage = usage
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.workspaceID = workspaceID
    }

    /// What the key has spent against its limit in the current window: the window named by
    /// `reset` (all-time without one), plus BYOK spend when `includeBYOK` is set. This is
    /// OpenRouter's formula for `limit_remaining`.
    public func spendAgainstLimit(reset: LimitReset?, includeBYOK: Bool) -> USD {
        let credit = usage.credit[reset]
        return includeBYOK ? credit + usage.byok[reset] : credit
    }

    /// Whether the key is past its expiry at `now`.
    public func isExpired(at now: Date) -> Bool { values.expiresAt.map { $0 <= now } ?? false }
}

/// Spend in OpenRouter's UTC windows, for OpenRouter credit and for BYOK separately.
public struct KeyUsage: Hashable, Sendable {
    public var credit: UsageWindows
    public var byok: UsageWindows

    public init(credit: UsageWindows = UsageWindows(), byok: UsageWindows = UsageWindows()) {
        self.credit = credit
        self.byok = byok
    }
}

/// Spend today, this week (Monday to Sunday), this month and in total, all UTC.
public struct UsageWindows: Hashable, Sendable {
    public var daily: USD
    public var weekly: USD
    public var monthly: USD
    public var total: USD

    public init(daily: USD = .zero, weekly: USD = .zero, monthly: USD = .zero, total: USD = .zero) {
        self.daily = daily
        self.weekly = weekly
        self.monthly = monthly
        self.total = total
    }

    /// The spend in the window a limit with this reset counts; all-time for no reset.
    public subscript(reset: LimitReset?) -> USD {
        switch reset {
        case .daily: daily
        case .weekly: weekly
        case .monthly: monthly
        case nil: total
        }
    }
}
