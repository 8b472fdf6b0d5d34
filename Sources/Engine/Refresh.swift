public import Domain
public import OpenRouterClient

/// Reads every key OpenRouter lists, disabled ones included: the "refreshed" side of a plan.
public enum Refresh {
    public static func liveKeys(using client: OpenRouterClient) async throws -> [LiveKey] {
        try await client.listKeys(includeDisabled: true).map(LiveKey.init)
    }
}
