public import Domain

extension UsageWindows {
    /// The window-by-window sum.
    public static func + (lhs: UsageWindows, rhs: UsageWindows) -> UsageWindows {
        UsageWindows(daily: lhs.daily + rhs.daily, weekly: lhs.weekly + rhs.weekly, monthly: lhs.monthly + rhs.monthly,
                     total: lhs.total + rhs.total)
    }

    /// Every window multiplied by `rate`, rounded to the nano-dollar.
    public func times(_ rate: Rate) -> UsageWindows {
        UsageWindows(daily: daily.times(rate), weekly: weekly.times(rate), monthly: monthly.times(rate), total: total.times(rate))
    }

    /// What a client is billed for these windows at `markup`: each window times the markup,
    /// rounded to whole cents as on an invoice.
    public func billed(at markup: Rate) -> UsageWindows {
        UsageWindows(daily: daily.times(markup).roundedToCents(), weekly: weekly.times(markup).roundedToCents(),
                     monthly: monthly.times(markup).roundedToCents(), total: total.times(markup).roundedToCents())
    }
}
