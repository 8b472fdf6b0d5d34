public import Domain

/// The body of `POST /keys`. Only `name` is required.
public struct CreateKeyRequest: Hashable, Sendable, Codable {
    public var name: String
    public var limit: USD?
    public var limitReset: LimitReset?
    public var includeBYOKInLimit: Bool?
    /// Must be UTC; the API rejects other offsets with 400.
    public var expiresAt: APITimestamp?
    public var creatorUserID: String?
    public var workspaceID: String?

    public init(
        name: String, limit: USD? = nil, limitReset: LimitReset? = nil, includeBYOKInLimit: Bool? = nil,
        expiresAt: APITimestamp? = nil, creatorUserID: String? = nil, workspaceID: String? = nil
    ) {
        self.name = name
        self.limit = limit
        self.limitReset = limitReset
        self.includeBYOKInLimit = includeBYOKInLimit
        self.expiresAt = expiresAt
        self.creatorUserID = creatorUserID
        self.workspaceID = workspaceID
    }

    enum CodingKeys: String, CodingKey {
        case name, limit
        case limitReset = "limit_reset"
        case includeBYOKInLimit = "include_byok_in_limit"
        case expiresAt = "expires_at"
        case creatorUserID = "creator_user_id"
        case workspaceID = "workspace_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        limit = try c.decodeUSDIfPresent(.limit)
        limitReset = try c.decodeLimitResetIfPresent(.limitReset)
        includeBYOKInLimit = try c.decodeIfPresent(Bool.self, forKey: .includeBYOKInLimit)
        expiresAt = try c.decodeIfPresent(APITimestamp.self, forKey: .expiresAt)
        creatorUserID = try c.decodeIfPresent(String.self, forKey: .creatorUserID)
        workspaceID = try c.decodeIfPresent(String.self, forKey: .workspaceID)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        if let limit { try c.encodeUSD(limit, .limit) }
        try c.encodeIfPresent(limitReset?.rawValue, forKey: .limitReset)
        try c.encodeIfPresent(includeBYOKInLimit, forKey: .includeBYOKInLimit)
        try c.encodeIfPresent(expiresAt, forKey: .expiresAt)
        try c.encodeIfPresent(creatorUserID, forKey: .creatorUserID)
        try c.encodeIfPresent(workspaceID, forKey: .workspaceID)
    }
}
