public import OpenRouterAPI

/// A `POST /keys` whose outcome is unknown: the request may have created the key, but the
/// response (and with it the secret) was lost. Never retry it blindly; look for `marker` in a
/// listing (`OpenRouterClient.findKeys(marker:)`) to learn whether the key exists.
public struct AmbiguousCreate: Hashable, Sendable, CustomStringConvertible {
    /// What was sent.
    public let request: CreateKeyRequest
    /// The marker inside `request.name`.
    public let marker: CreationMarker
    /// What went wrong, for people.
    public let reason: String

    public init(request: CreateKeyRequest, marker: CreationMarker, reason: String) {
        self.request = request
        self.marker = marker
        self.reason = reason
    }

    public var description: String {
        "creating key \"\(request.name)\" may or may not have succeeded (\(reason)); look for marker \(marker) before creating it again"
    }
}
