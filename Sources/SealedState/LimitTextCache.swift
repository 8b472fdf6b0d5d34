import Domain

/// Converts spending limits between `USD` and their text in the files (`"10.00"`), remembering
/// each conversion. A state's many keys share a handful of limits, and each conversion builds
/// several strings, so reading or writing one client file converts each distinct limit once.
/// One per client file, used by one thread.
struct LimitTextCache {
    private var amounts: [String: USD] = [:]
    private var texts: [USD: String] = [:]

    /// The file's text for `amount`: at least two decimals, no currency symbol.
    mutating func text(for amount: USD) -> String {
        if let text = texts[amount] { return text }
        let text = amount.formatted(minimumDecimals: 2, symbol: false)
        texts[amount] = text
        return text
    }

    /// The amount `text` spells, or nil if it is not a decimal amount.
    mutating func amount(for text: String) -> USD? {
        if let amount = amounts[text] { return amount }
        guard let amount = USD(decimal: text) else { return nil }
        amounts[text] = amount
        return amount
    }
}
