/// The key-management routes, named the way fault settings and logs refer to them.
public enum APIRoute: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case listKeys = "GET /keys"
    case createKey = "POST /keys"
    case getKey = "GET /keys/{hash}"
    case updateKey = "PATCH /keys/{hash}"
    case deleteKey = "DELETE /keys/{hash}"
    case currentKey = "GET /key"

    /// Whether the route changes state on the server.
    public var isMutating: Bool {
        switch self {
        case .createKey, .updateKey, .deleteKey: true
        case .listKeys, .getKey, .currentKey: false
        }
    }

    /// Whether only a management key may call the route.
    public var needsManagementKey: Bool { self != .currentKey }

    /// The route for a method and a path below the API root (`/keys`, `/keys/abc`, `/key`); a
    /// trailing slash is tolerated and `/auth/key` is the legacy alias of `/key`.
    public init?(method: String, path: String) {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let parts = path.split(separator: "/")
        switch (method.uppercased(), parts.count, parts.first) {
        case ("GET", 1, "keys"): self = .listKeys
        case ("POST", 1, "keys"): self = .createKey
        case ("GET", 2, "keys"): self = .getKey
        case ("PATCH", 2, "keys"): self = .updateKey
        case ("DELETE", 2, "keys"): self = .deleteKey
        case ("GET", 1, "key"): self = .currentKey
        case ("GET", 2, "auth") where parts.last == "key": self = .currentKey
        default: return nil
        }
    }

    public var description: String { rawValue }
}
