public import Domain

/// One budget of a workspace: the most it may spend in one interval. OpenRouter refuses
/// inference in the workspace once the spend of any interval reaches its budget.
public struct APIWorkspaceBudget: Hashable, Sendable, Codable {
    /// A UUID.
    public var id: String
    public var workspaceID: String
    /// More than zero.
    public var limitUSD: USD
    /// Written as `reset_interval`, with `null` for `.lifetime`.
    public var resetInterval: WorkspaceBudgetInterval
    public var createdAt: APITimestamp
    public var updatedAt: APITimestamp?

    public init(
        id: String, workspaceID: String, limitUSD: USD, resetInterval: WorkspaceBudgetInterval, createdAt: APITimestamp,
        updatedAt: APITimestamp? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.limitUSD = limitUSD
        self.resetInterval = resetInterval
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case workspaceID = "workspace_id"
        case limitUSD = "limit_usd"
        case resetInterval = "reset_interval"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        workspaceID = try c.decode(String.self, forKey: .workspaceID)
        limitUSD = try c.decodeUSD(.limitUSD)
        // The document writes a lifetime budget as null; "lifetime" is read too, as the
        // interval's name in the path.
        let text = try c.decodeIfPresent(String.self, forKey: .resetInterval)
        guard let interval = text.map(WorkspaceBudgetInterval.init(rawValue:)) ?? .lifetime else {
            throw DecodingError.dataCorruptedError(
                forKey: .resetInterval, in: c, debugDescription: "reset_interval must be daily, weekly, monthly or null, not \(text ?? "")")
        }
        resetInterval = interval
        createdAt = try c.decode(APITimestamp.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(APITimestamp.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(workspaceID, forKey: .workspaceID)
        try c.encodeUSD(limitUSD, .limitUSD)
        try c.encodeNullable(resetInterval == .lifetime ? nil : resetInterval.rawValue, .resetInterval)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encodeNullable(updatedAt, .updatedAt)
    }
}
