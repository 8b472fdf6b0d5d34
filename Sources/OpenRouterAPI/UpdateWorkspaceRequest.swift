/// The body of `PATCH /workspaces/{id}`: a partial update. An absent field is left alone;
/// `description` can be cleared with an explicit `null`. As with creating, the BYOK setting of the
/// budgets goes through `UpsertWorkspaceBudgetRequest`.
public struct UpdateWorkspaceRequest: Hashable, Sendable, Codable {
    public var name: String?
    public var slug: String?
    public var description: FieldUpdate<String>

    /// The JSON field names this type writes; the simulator refuses any other with 400.
    public static let fields: Set<String> = ["name", "slug", "description"]

    public init(name: String? = nil, slug: String? = nil, description: FieldUpdate<String> = .unchanged) {
        self.name = name
        self.slug = slug
        self.description = description
    }

    /// Whether the update changes nothing.
    public var isEmpty: Bool { name == nil && slug == nil && description.isUnchanged }

    enum CodingKeys: String, CodingKey { case name, slug, description }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        slug = try c.decodeIfPresent(String.self, forKey: .slug)
        description = try c.decodeFieldUpdate(String.self, .description)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(slug, forKey: .slug)
        try c.encodeFieldUpdate(description, .description)
    }
}
