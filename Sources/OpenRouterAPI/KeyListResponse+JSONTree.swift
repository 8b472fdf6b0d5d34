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
        // Asked for in the order of their names, the order the simulator writes them in; any
        // other order reads the same, one lookup per member.
        var fields = value.orderedMembers
        guard value.isObject,
            let byokUsage = Read.optional(fields.take("byok_usage"), \.number),
            let byokUsageDaily = Read.optional(fields.take("byok_usage_daily"), \.number),
            let byokUsageMonthly = Read.optional(fields.take("byok_usage_monthly"), \.number),
            let byokUsageWeekly = Read.optional(fields.take("byok_usage_weekly"), \.number),
            let createdAt = fields.take("created_at")?.string.flatMap(APITimestamp.init(parsing:)),
            let creatorUserID = Read.optional(fields.take("creator_user_id"), \.string),
            let disabled = fields.take("disabled")?.bool,
            let expiresAt = Read.optional(fields.take("expires_at"), { $0.string.flatMap(APITimestamp.init(parsing:)) }),
            let hash = fields.take("hash")?.string,
            let includeBYOKInLimit = Read.optional(fields.take("include_byok_in_limit"), \.bool),
            let label = fields.take("label")?.string,
            let limit = Read.optional(fields.take("limit"), \.number),
            let limitRemaining = Read.optional(fields.take("limit_remaining"), \.number),
            let limitReset = Read.optional(fields.take("limit_reset"), { $0.string.flatMap(LimitReset.init(rawValue:)) }),
            let name = fields.take("name")?.string,
            let updatedAt = Read.optional(fields.take("updated_at"), { $0.string.flatMap(APITimestamp.init(parsing:)) }),
            let usage = fields.take("usage")?.number, let usageDaily = fields.take("usage_daily")?.number,
            let usageMonthly = fields.take("usage_monthly")?.number, let usageWeekly = fields.take("usage_weekly")?.number,
            let workspaceID = fields.take("workspace_id")?.string
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
