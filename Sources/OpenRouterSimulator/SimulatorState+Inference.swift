import Domain
public import OpenRouterAPI

// The enforcement half of `POST /chat/completions`: who may spend, and recording what they spent.
extension SimulatorState {
    /// Charges one inference request to the regular key whose bearer token hashes to `tokenHash`
    /// and to its workspace, and returns the key after the charge.
    ///
    /// Refused, in this order: a management key (403), an unknown, disabled or expired key (401),
    /// a key whose limit is spent (403; `limit_remaining` of zero or less, by the keys document's
    /// formula), a workspace with any budget spent in its current window (403, narrowest
    /// interval first; BYOK spend counts when the workspace includes it). The request that
    /// crosses a limit is served; the next one is refused.
    public func chargeInference(tokenHash: KeyHash) throws -> APIKey {
        if managementKeys(contain: tokenHash) { throw SimulatorError.managementKeyInference }
        let now = now()
        guard var key = keys[tokenHash], !key.disabled, !key.isExpired(at: now) else { throw SimulatorError.unknownUser }
        guard var workspace = workspaces[key.workspaceID] else { throw SimulatorError.unknownUser }
        if let remaining = key.limitRemaining(at: now), remaining <= .zero {
            let window = key.reset?.rawValue ?? "total"
            throw SimulatorError(
                .forbidden,
                "Key limit exceeded (\(window) limit). Manage it using https://openrouter.ai/workspaces/\(workspace.slug)/keys/\(key.hash)")
        }
        if let budget = workspace.exhaustedBudget(at: now) {
            throw SimulatorError(.forbidden, "Workspace \(budget.interval) budget of \(budget.limit) exceeded")
        }
        let record = SpendRecord(at: now, amount: inferenceCost, byok: false)
        key.spend.append(record)
        workspace.spend.append(record)
        keys[key.hash] = key
        workspaces[workspace.id] = workspace
        try save()
        return key.apiKey(at: now)
    }
}
