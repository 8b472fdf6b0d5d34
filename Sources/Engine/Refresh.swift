public import Domain
public import OpenRouterAPI
public import OpenRouterClient

/// Reads every key OpenRouter lists, disabled ones included: the "refreshed" side of a plan.
public enum Refresh {
    /// `firstPage`: the listing's first page (disabled keys included), when it was fetched already.
    public static func liveKeys(using client: OpenRouterClient, firstPage: [APIKey]? = nil) async throws -> [LiveKey] {
        try await client.listKeys(includeDisabled: true, firstPage: firstPage).map(LiveKey.init)
    }
}
