public import Domain

/// The body of `PATCH /keys/{hash}`: a partial update of the mutable fields. An absent field is
/// left alone; `limit` and `limit_reset` can be cleared with an explicit `null`.
public struct UpdateKeyRequest: Hashable, Sendable, Codable {
    public var name: String?
    public var disabled: Bool?
    public var limit: FieldUpdate<USD>
    public var limitReset: FieldUpdate<LimitReset>
    public var includeBYOKInLimit: Bool?

    /// The JSON field names `PATCH` accepts; any other field is a 400.
    public static let mutableFields: Set<String> = ["name", "disabled", "limit", "limit_reset", "include_byok_in_limit"]

    public init(
        name: String? = nil, disabled: Bool? = nil, limit: FieldUpdate<USD> = .unchanged,
        limitReset: FieldUpdate<LimitReset> = .unchanged, includeBYOKInLimit: Bool? = nil
    ) {
        self.name = name
        self.disabled = disabled
        self.limit = limit
        self.limitReset = limitReset
        self.includeBYOKInLimit = includeBYOKInLimit
    }

    /// Whether the update changes nothing.
    public var isEmpty: Bool {
        name == nil && disabled == nil && limit.isUnchanged && limitReset.isUnchanged && includeBYOKInLimit == nil
    }

    enum CodingKeys: String, CodingKey {
        case name, disabled, limit
        case limitReset = "limit_reset"
        case includeBYOKInLimit = "include_byok_in_limit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        disabled = try c.decodeIfPresent(Bool.self, forKey: .disabled)
        switch try c.decodeFieldUpdate(Double.self, .limit) {
        case .unchanged: limit = .unchanged
        case .clear: limit = .clear
        case .set(let value): limit = .set(try c.usd(value, .limit))
        }
        if c.contains(.limitReset), try !c.decodeNil(forKey: .limitReset) {
            guard let value = try c.decodeLimitResetIfPresent(.limitReset) else { limitReset = .clear; return }
            limitReset = .set(value)
        } else {
            limitReset = c.contains(.limitReset) ? .clear : .unchanged
        }
        includeBYOKInLimit = try c.decodeIfPresent(Bool.self, forKey: .includeBYOKInLimit)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(disabled, forKey: .disabled)
        switch limit {
        case .unchanged: break
        case .clear: try c.encodeNil(forKey: .limit)
        case .set(let value): try c.encodeUSD(value, .limit)
        }
        try c.encodeFieldUpdate(limitReset.mapRaw, .limitReset)
        try c.encodeIfPresent(includeBYOKInLimit, forKey: .includeBYOKInLimit)
    }
}

extension FieldUpdate where Value == LimitReset {
    fileprivate var mapRaw: FieldUpdate<String> {
        switch self {
        case .unchanged: .unchanged
        case .clear: .clear
        case .set(let value): .set(value.rawValue)
        }
    }
}
