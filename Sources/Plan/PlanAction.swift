/// What a plan does to one resource. The words and symbols for each are in `PlanWords`.
public enum PlanAction: String, Codable, CaseIterable, Hashable, Sendable {
    /// A new key is created and its secret sealed in the state.
    case create
    /// The key's settings are changed in place; its secret stays the same.
    case update
    /// A new key with a new secret replaces the key; the old one is deleted, at once or after an overlap.
    case replace
    /// The key is deleted from OpenRouter and removed from the state.
    case delete
    /// An existing OpenRouter key is taken under management; its secret is unknown.
    case adopt
    /// Nothing to do.
    case noop = "no-op"
}
