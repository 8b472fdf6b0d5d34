public import OpenRouterAPI

/// A key-management call failed. Each message says what happened and what to do; none ever
/// contains the management key.
public enum OpenRouterClientError: Error, Hashable, CustomStringConvertible {
    /// A regular (inference) key was used where a management key is needed.
    case notAManagementKey(label: String?)
    /// `401`: the key is unknown, disabled or expired.
    case managementKeyRejected(message: String)
    /// `404`: the key was deleted, or never existed.
    case keyNotFound(KeyHash)
    /// `400`: OpenRouter refused the request as written.
    case badRequest(route: APIRoute, message: String)
    /// `429` on every attempt, or a requested wait longer than the policy allows.
    case rateLimited(route: APIRoute, attempts: Int)
    /// `5xx` on every attempt.
    case serverError(route: APIRoute, status: Int, message: String, attempts: Int)
    /// The connection failed or timed out on every attempt.
    case transport(route: APIRoute, detail: String, attempts: Int)
    /// Any other status.
    case unexpectedStatus(route: APIRoute, status: Int, message: String)
    /// The response was not the documented JSON.
    case invalidResponse(route: APIRoute, detail: String)
    /// A create request's name does not contain its marker.
    case markerMissing(name: String, marker: CreationMarker)
    /// `404` for a workspace: it was deleted, or never existed (by id or slug).
    case workspaceNotFound(String)
    /// `403` on a budget write: the account's plan has no workspace budgets (they need an
    /// Enterprise plan). Never retried.
    case budgetsNotAvailable(message: String)
    /// `POST /workspaces` went unanswered on every attempt, and no workspace with the slug could
    /// be found afterwards either.
    case workspaceCreateUnknown(slug: String, reason: String)

    public var description: String {
        switch self {
        case .notAManagementKey(let label):
            "this is a regular (inference) key; key management needs a management key: create one in OpenRouter under Settings → Management Keys and put it in OPENROUTER_MANAGEMENT_KEY"
                + (label.map { " (the key in use is \($0))" } ?? "")
        case .managementKeyRejected(let message):
            "the management key was rejected (HTTP 401: \(message)); check OPENROUTER_MANAGEMENT_KEY: the key may be mistyped, disabled, expired or deleted"
        case .keyNotFound(let hash):
            "key no longer exists: \(hash) was deleted outside keyplane or never existed; refresh and plan again"
        case .badRequest(let route, let message):
            "OpenRouter refused \(route) as invalid (HTTP 400): \(message)"
        case .rateLimited(let route, let attempts):
            "OpenRouter kept rate-limiting \(route) (HTTP 429, \(attempts) attempts); wait a minute and run again, or lower the concurrency"
        case .serverError(let route, let status, let message, let attempts):
            "OpenRouter failed on \(route) (HTTP \(status): \(message)) after \(attempts) attempts; it may be having an outage, try again later"
        case .transport(let route, let detail, let attempts):
            "could not reach OpenRouter for \(route) after \(attempts) attempts: \(detail); check the network and OPENROUTER_BASE_URL"
        case .unexpectedStatus(let route, let status, let message):
            "OpenRouter answered \(route) with HTTP \(status): \(message)"
        case .invalidResponse(let route, let detail):
            "OpenRouter's answer to \(route) was not the documented JSON: \(detail)"
        case .markerMissing(let name, let marker):
            "the new key's name \"\(name)\" must contain its creation marker \(marker), so a lost response can be recovered"
        case .workspaceNotFound(let reference):
            "workspace \(reference) does not exist: it was deleted outside keyplane or never existed; refresh and plan again"
        case .budgetsNotAvailable(let message):
            "OpenRouter refused to change a workspace budget (HTTP 403: \(message)); workspace budgets need an Enterprise plan, so leave budgets out of the manifests or upgrade the account"
        case .workspaceCreateUnknown(let slug, let reason):
            "creating workspace \(slug) may or may not have succeeded (\(reason)), and looking it up by its slug did not tell; run again, which looks for the slug first"
        }
    }
}
