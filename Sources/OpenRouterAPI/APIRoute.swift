/// The API routes the client calls and the simulator serves, named the way fault settings and
/// logs refer to them.
public enum APIRoute: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case listKeys = "GET /keys"
    case createKey = "POST /keys"
    case getKey = "GET /keys/{hash}"
    case updateKey = "PATCH /keys/{hash}"
    case deleteKey = "DELETE /keys/{hash}"
    case currentKey = "GET /key"
    case listWorkspaces = "GET /workspaces"
    case createWorkspace = "POST /workspaces"
    case getWorkspace = "GET /workspaces/{id}"
    case updateWorkspace = "PATCH /workspaces/{id}"
    case deleteWorkspace = "DELETE /workspaces/{id}"
    case listWorkspaceBudgets = "GET /workspaces/{id}/budgets"
    case getWorkspaceBudget = "GET /workspaces/{id}/budgets/{interval}"
    case upsertWorkspaceBudget = "PUT /workspaces/{id}/budgets/{interval}"
    case deleteWorkspaceBudget = "DELETE /workspaces/{id}/budgets/{interval}"
    /// Inference, called with a regular key; the simulator serves a minimal one.
    case chatCompletions = "POST /chat/completions"

    /// Whether the route changes state on the server (inference records spend).
    public var isMutating: Bool {
        switch self {
        case .createKey, .updateKey, .deleteKey, .createWorkspace, .updateWorkspace, .deleteWorkspace,
            .upsertWorkspaceBudget, .deleteWorkspaceBudget, .chatCompletions:
            true
        case .listKeys, .getKey, .currentKey, .listWorkspaces, .getWorkspace, .listWorkspaceBudgets, .getWorkspaceBudget:
            false
        }
    }

    /// Whether only a management key may call the route.
    public var needsManagementKey: Bool { self != .currentKey && self != .chatCompletions }

    /// Whether the route writes a workspace budget, which needs an Enterprise plan.
    public var writesBudget: Bool { self == .upsertWorkspaceBudget || self == .deleteWorkspaceBudget }

    /// The route for a method and a path below the API root (`/keys`, `/keys/abc`, `/key`,
    /// `/workspaces/x/budgets/monthly`); a trailing slash is tolerated and `/auth/key` is the
    /// legacy alias of `/key`.
    public init?(method: String, path: String) {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let parts = path.split(separator: "/")
        let budgets = parts.count >= 3 && parts[2] == "budgets"
        switch (method.uppercased(), parts.count, parts.first) {
        case ("GET", 1, "keys"): self = .listKeys
        case ("POST", 1, "keys"): self = .createKey
        case ("GET", 2, "keys"): self = .getKey
        case ("PATCH", 2, "keys"): self = .updateKey
        case ("DELETE", 2, "keys"): self = .deleteKey
        case ("GET", 1, "key"): self = .currentKey
        case ("GET", 2, "auth") where parts.last == "key": self = .currentKey
        case ("GET", 1, "workspaces"): self = .listWorkspaces
        case ("POST", 1, "workspaces"): self = .createWorkspace
        case ("GET", 2, "workspaces"): self = .getWorkspace
        case ("PATCH", 2, "workspaces"): self = .updateWorkspace
        case ("DELETE", 2, "workspaces"): self = .deleteWorkspace
        case ("GET", 3, "workspaces") where budgets: self = .listWorkspaceBudgets
        case ("GET", 4, "workspaces") where budgets: self = .getWorkspaceBudget
        case ("PUT", 4, "workspaces") where budgets: self = .upsertWorkspaceBudget
        case ("DELETE", 4, "workspaces") where budgets: self = .deleteWorkspaceBudget
        case ("POST", 2, "chat") where parts.last == "completions": self = .chatCompletions
        default: return nil
        }
    }

    public var description: String { rawValue }
}
