public import OpenRouterAPI

/// Who sent a request, after authentication.
public enum SimulatorCaller: Hashable, Sendable {
    /// A configured management key, with its label.
    case management(label: String)
    /// A regular (inference) key the simulator created.
    case regular(KeyHash)
}
