/// One workspace as `/workspaces` reports it (`data` of list, get, create and update). keyplane
/// manages `name`, `slug` and `description`; the dashboard-only settings are carried so that a
/// workspace read from OpenRouter encodes back to the same document.
public struct APIWorkspace: Hashable, Sendable, Codable {
    /// A UUID.
    public var id: String
    public var name: String
    /// Unique per account: lowercase letters and digits in segments joined by single hyphens.
    public var slug: String
    public var description: String?
    /// Whether BYOK spend counts towards the workspace's budgets: one setting for every
    /// interval, written with `UpsertWorkspaceBudgetRequest`.
    public var includeBYOKInBudgets: Bool
    public var createdAt: APITimestamp
    public var updatedAt: APITimestamp?
    /// The user who created the workspace.
    public var createdBy: String?
    /// Derived from the workspace id by OpenRouter; nil only when a document left it out.
    public var defaultGuardrailID: String?
    public var defaultTextModel: String?
    public var defaultImageModel: String?
    public var defaultProviderSort: String?
    public var isObservabilityIOLoggingEnabled: Bool
    public var isObservabilityBroadcastEnabled: Bool
    public var isDataDiscountLoggingEnabled: Bool
    public var ioLoggingSamplingRate: Double
    public var ioLoggingAPIKeyIDs: [Int]?

    public init(
        id: String, name: String, slug: String, description: String? = nil, includeBYOKInBudgets: Bool = false,
        createdAt: APITimestamp, updatedAt: APITimestamp? = nil, createdBy: String? = nil,
        defaultGuardrailID: String? = nil, defaultTextModel: String? = nil, defaultImageModel: String? = nil,
        defaultProviderSort: String? = nil, isObservabilityIOLoggingEnabled: Bool = false,
        isObservabilityBroadcastEnabled: Bool = false, isDataDiscountLoggingEnabled: Bool = true,
        ioLoggingSamplingRate: Double = 1, ioLoggingAPIKeyIDs: [Int]? = nil
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.description = description
        self.includeBYOKInBudgets = includeBYOKInBudgets
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.defaultGuardrailID = defaultGuardrailID
        self.defaultTextModel = defaultTextModel
        self.defaultImageModel = defaultImageModel
        self.defaultProviderSort = defaultProviderSort
        self.isObservabilityIOLoggingEnabled = isObservabilityIOLoggingEnabled
        self.isObservabilityBroadcastEnabled = isObservabilityBroadcastEnabled
        self.isDataDiscountLoggingEnabled = isDataDiscountLoggingEnabled
        self.ioLoggingSamplingRate = ioLoggingSamplingRate
        self.ioLoggingAPIKeyIDs = ioLoggingAPIKeyIDs
    }

    enum CodingKeys: String, CodingKey {
        case id, name, slug, description
        case includeBYOKInBudgets = "include_byok_in_budgets"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case createdBy = "created_by"
        case defaultGuardrailID = "default_guardrail_id"
        case defaultTextModel = "default_text_model"
        case defaultImageModel = "default_image_model"
        case defaultProviderSort = "default_provider_sort"
        case isObservabilityIOLoggingEnabled = "is_observability_io_logging_enabled"
        case isObservabilityBroadcastEnabled = "is_observability_broadcast_enabled"
        case isDataDiscountLoggingEnabled = "is_data_discount_logging_enabled"
        case ioLoggingSamplingRate = "io_logging_sampling_rate"
        case ioLoggingAPIKeyIDs = "io_logging_api_key_ids"
    }

    /// Only `id`, `name`, `slug` and `created_at` must be present; the dashboard settings keyplane
    /// does not manage take their documented defaults when a document leaves them out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        slug = try c.decode(String.self, forKey: .slug)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        includeBYOKInBudgets = try c.decodeIfPresent(Bool.self, forKey: .includeBYOKInBudgets) ?? false
        createdAt = try c.decode(APITimestamp.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(APITimestamp.self, forKey: .updatedAt)
        createdBy = try c.decodeIfPresent(String.self, forKey: .createdBy)
        defaultGuardrailID = try c.decodeIfPresent(String.self, forKey: .defaultGuardrailID)
        defaultTextModel = try c.decodeIfPresent(String.self, forKey: .defaultTextModel)
        defaultImageModel = try c.decodeIfPresent(String.self, forKey: .defaultImageModel)
        defaultProviderSort = try c.decodeIfPresent(String.self, forKey: .defaultProviderSort)
        isObservabilityIOLoggingEnabled = try c.decodeIfPresent(Bool.self, forKey: .isObservabilityIOLoggingEnabled) ?? false
        isObservabilityBroadcastEnabled = try c.decodeIfPresent(Bool.self, forKey: .isObservabilityBroadcastEnabled) ?? false
        isDataDiscountLoggingEnabled = try c.decodeIfPresent(Bool.self, forKey: .isDataDiscountLoggingEnabled) ?? true
        ioLoggingSamplingRate = try c.decodeIfPresent(Double.self, forKey: .ioLoggingSamplingRate) ?? 1
        ioLoggingAPIKeyIDs = try c.decodeIfPresent([Int].self, forKey: .ioLoggingAPIKeyIDs)
    }

    /// Every documented field, nullable ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(slug, forKey: .slug)
        try c.encodeNullable(description, .description)
        try c.encode(includeBYOKInBudgets, forKey: .includeBYOKInBudgets)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encodeNullable(updatedAt, .updatedAt)
        try c.encodeNullable(createdBy, .createdBy)
        try c.encodeIfPresent(defaultGuardrailID, forKey: .defaultGuardrailID)
        try c.encodeNullable(defaultTextModel, .defaultTextModel)
        try c.encodeNullable(defaultImageModel, .defaultImageModel)
        try c.encodeNullable(defaultProviderSort, .defaultProviderSort)
        try c.encode(isObservabilityIOLoggingEnabled, forKey: .isObservabilityIOLoggingEnabled)
        try c.encode(isObservabilityBroadcastEnabled, forKey: .isObservabilityBroadcastEnabled)
        try c.encode(isDataDiscountLoggingEnabled, forKey: .isDataDiscountLoggingEnabled)
        try c.encode(ioLoggingSamplingRate, forKey: .ioLoggingSamplingRate)
        try c.encodeNullable(ioLoggingAPIKeyIDs, .ioLoggingAPIKeyIDs)
    }
}
