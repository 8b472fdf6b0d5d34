public import Foundation
import Domain
public import JSONTree

// The fast path for pages of keys: a refresh at 10,000 keys reads 100 of them. It accepts exactly
// what `APIKey.init(from:)` accepts and answers nil for anything else, so that the caller decodes
// the same bytes with `JSONDecoder` and gets its error.

extension KeyListResponse {
    /// The page in `body`, read through cJSON's tree; nil when it is not exactly a page as
    /// `init(from:)` would decode it.
    public init?(reading body: Data) {
        guard let tree = JSONTree(parsing: body), let data = tree.value["data"], data.isArray else { return nil }
        var keys: [APIKey] = []
        for element in data.elements {
            guard let key = APIKey(reading: element) else { return nil }
            keys.append(key)
        }
        self.init(data: keys)
    }
}

extension APIKey {
    /// The key in `value`, as `init(from:)` decodes it, or nil.
    public init?(reading value: JSONTree.Value) {
        typealias Read = APIKeyField
        guard value.isObject,
            let hash = value["hash"]?.string, let name = value["name"]?.string, let label = value["label"]?.string,
            let disabled = value["disabled"]?.bool,
            let limit = Read.optional(value["limit"], \.number),
            let limitRemaining = Read.optional(value["limit_remaining"], \.number),
            let limitReset = Read.optional(value["limit_reset"], { $0.string.flatMap(LimitReset.init(rawValue:)) }),
            let includeBYOKInLimit = Read.optional(value["include_byok_in_limit"], \.bool),
            let usage = value["usage"]?.number, let usageDaily = value["usage_daily"]?.number,
            let usageWeekly = value["usage_weekly"]?.number, let usageMonthly = value["usage_monthly"]?.number,
            let byokUsage = Read.optional(value["byok_usage"], \.number),
            let byokUsageDaily = Read.optional(value["byok_usage_daily"], \.number),
            let byokUsageWeekly = Read.optional(value["byok_usage_weekly"], \.number),
            let byokUsageMonthly = Read.optional(value["byok_usage_monthly"], \.number),
            let createdAt = value["created_at"]?.string.flatMap(APITimestamp.init(parsing:)),
            let updatedAt = Read.optional(value["updated_at"], { $0.string.flatMap(APITimestamp.init(parsing:)) }),
            let expiresAt = Read.optional(value["expires_at"], { $0.string.flatMap(APITimestamp.init(parsing:)) }),
            let creatorUserID = Read.optional(value["creator_user_id"], \.string),
            let workspaceID = value["workspace_id"]?.string
        else { return nil }
        self.init(
            hash: KeyHash(hash), name: name, label: label, disabled: disabled, limit: limit.map(USD.init),
            limitRemaining: limitRemaining.map(USD.init), limitReset: limitReset, includeBYOKInLimit: includeBYOKInLimit ?? false,
            usage: USD(usage), usageDaily: USD(usageDaily), usageWeekly: USD(usageWeekly), usageMonthly: USD(usageMonthly),
            byokUsage: USD(byokUsage ?? 0), byokUsageDaily: USD(byokUsageDaily ?? 0), byokUsageWeekly: USD(byokUsageWeekly ?? 0),
            byokUsageMonthly: USD(byokUsageMonthly ?? 0), createdAt: createdAt, updatedAt: updatedAt, expiresAt: expiresAt,
            creatorUserID: creatorUserID, workspaceID: workspaceID)
    }
}

/// Reading an optional field the way `decodeIfPresent` does.
enum APIKeyField {
    /// `.some(nil)` when the member is absent or null, `.some(value)` when `read` accepts it, and
    /// nil (not this shape) when it does not.
    static func optional<T>(_ value: JSONTree.Value?, _ read: (JSONTree.Value) -> T?) -> T?? {
        guard let value, !value.isNull else { return .some(nil) }
        guard let read = read(value) else { return nil }
        return .some(read)
    }
}
