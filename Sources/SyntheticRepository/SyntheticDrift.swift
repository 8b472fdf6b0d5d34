import Domain
public import OpenRouterAPI

/// Settings changed "in the dashboard", behind keyplane's back: what `plan` must report as drift.
/// Pure: it picks keys and updates; the caller sends them.
public enum SyntheticDrift {
    /// One change to make to a live key.
    public struct Edit: Hashable, Sendable {
        public var hash: KeyHash
        /// The key's name, for messages.
        public var name: String
        public var update: UpdateKeyRequest
        /// Which setting moves: `limit`, `limit_reset` or `include_byok_in_limit`.
        public var field: String
    }

    /// Edits for `count` of `keys` (all of them when there are fewer), chosen from the keys in name
    /// order by `seed`, so the same listing gives the same edits. Seven in ten raise the limit by
    /// $1 (or set $10 where there is none), two in ten change the reset, one toggles BYOK.
    public static func edits(for keys: [APIKey], count: Int, seed: UInt64) -> [Edit] {
        var random = SeededGenerator(seed: seed)
        let chosen = keys.sorted { ($0.name, $0.hash) < ($1.name, $1.hash) }.shuffled(using: &random).prefix(max(0, count))
        return chosen.enumerated().map { index, key in
            var update = UpdateKeyRequest()
            let field: String
            switch index % 10 {
            case 0..<7:
                update.limit = .set(key.limit.map { $0 + USD(nanos: USD.nanosPerDollar) } ?? USD(nanos: 10 * USD.nanosPerDollar))
                field = "limit"
            case 7, 8:
                update.limitReset = .set(key.limitReset == .daily ? .weekly : .daily)
                field = "limit_reset"
            default:
                update.includeBYOKInLimit = !key.includeBYOKInLimit
                field = "include_byok_in_limit"
            }
            return Edit(hash: key.hash, name: key.name, update: update, field: field)
        }
    }
}
