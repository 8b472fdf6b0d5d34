/// The body of `POST /workspaces`. `name` and `slug` are required. The BYOK setting of the
/// budgets is not part of it: OpenRouter sets it through the budget routes
/// (`UpsertWorkspaceBudgetRequest.includeBYOKInBudgets`).
public struct CreateWorkspaceRequest: Hashable, Sendable, Codable {
    /// 1 to 100 characters.
    public var name: String
    /// Unique per account; see `WorkspaceFieldRules.isValidSlug`.
    public var slug: String
    /// At most 500 characters.
    public var description: String?

    public init(name: String, slug: String, description: String? = nil) {
        self.name = name
        self.slug = slug
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case name, slug, description }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        slug = try c.decode(String.self, forKey: .slug)
        description = try c.decodeIfPresent(String.self, forKey: .description)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(slug, forKey: .slug)
        try c.encodeIfPresent(description, forKey: .description)
    }
}
