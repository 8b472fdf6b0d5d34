public import OpenRouterAPI

/// The result of creating a key: created, with its secret, or unknown.
public enum CreateOutcome: Hashable, Sendable {
    /// The key exists; this is the only time its secret is available.
    case created(CreateKeyResponse)
    /// The request may or may not have created the key; see `AmbiguousCreate`.
    case ambiguous(AmbiguousCreate)
}
