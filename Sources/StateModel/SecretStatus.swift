/// Whether the state holds a key's secret.
public enum SecretStatus: String, Equatable, Sendable, CustomStringConvertible {
    /// keyplane created or rotated the key and sealed the secret OpenRouter showed once.
    case sealed
    /// The key was adopted from OpenRouter; its secret was never shown to keyplane.
    case unknown

    public var description: String { rawValue }
}
