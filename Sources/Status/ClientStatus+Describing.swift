extension ClientStatus {
    /// The monthly cap and what the keys' limits allow in a month, as plain text:
    /// `$500.00; the keys' limits allow $620.00 a month, more than the cap`.
    public var capSummary: String {
        let allowance = keysWithoutLimit > 0
            ? "\(StatusFormat.count(keysWithoutLimit, "key")) without a limit, so no bound"
            : "\(keyLimitsPerMonth) a month"
        guard let cap = client?.monthlyCap else { return "none; the keys' limits allow \(allowance)" }
        return "\(cap); the keys' limits allow \(allowance)\(limitsExceedCap ? ", more than the cap" : "")"
    }
}
