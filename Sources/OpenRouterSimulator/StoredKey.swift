public import Foundation
public import Domain
public import OpenRouterAPI

/// A key as the simulator keeps it. It holds no secret: the hash is SHA-256 of the secret, which
/// is all authentication needs.
public struct StoredKey: Hashable, Sendable, Codable {
    public var hash: KeyHash
    public var name: String
    public var label: String
    public var disabled: Bool
    public var limitNanos: Int64?
    public var limitReset: String?
    public var includeBYOKInLimit: Bool
    public var createdAt: Date
    public var updatedAt: Date?
    public var expiresAt: Date?
    public var creatorUserID: String?
    public var workspaceID: String
    public var spend: [SpendRecord]

    public var limit: USD? {
        get { limitNanos.map(USD.init(nanos:)) }
        set { limitNanos = newValue?.nanos }
    }

    public var reset: LimitReset? {
        get { limitReset.flatMap(LimitReset.init(rawValue:)) }
        set { limitReset = newValue?.rawValue }
    }

    init(hash: KeyHash, name: String, label: String, request: CreateKeyRequest, createdAt: Date, creatorUserID: String?,
         workspaceID: String) {
        self.hash = hash
        self.name = name
        self.label = label
        disabled = false
        limitNanos = request.limit?.nanos
        limitReset = request.limitReset?.rawValue
        includeBYOKInLimit = request.includeBYOKInLimit ?? false
        self.createdAt = createdAt
        updatedAt = nil
        expiresAt = request.expiresAt?.date
        self.creatorUserID = request.creatorUserID ?? creatorUserID
        self.workspaceID = request.workspaceID ?? workspaceID
        spend = []
    }

    /// Whether the key has expired at `now`.
    public func isExpired(at now: Date) -> Bool { expiresAt.map { $0 <= now } ?? false }

    /// The usage totals of the key at `now`, in OpenRouter's UTC windows.
    public func usage(at now: Date) -> KeyUsage {
        var usage = KeyUsage()
        let day = UTCTime.startOfDay(now), week = UTCTime.startOfWeek(now), month = UTCTime.startOfMonth(now)
        for record in spend where record.at <= now {
            let amount = record.amount
            if record.byok {
                usage.byok.total += amount
                if record.at >= day { usage.byok.daily += amount }
                if record.at >= week { usage.byok.weekly += amount }
                if record.at >= month { usage.byok.monthly += amount }
            } else {
                usage.credits.total += amount
                if record.at >= day { usage.credits.daily += amount }
                if record.at >= week { usage.credits.weekly += amount }
                if record.at >= month { usage.credits.monthly += amount }
            }
        }
        return usage
    }

    /// The span around `now` in which `usage(at:)` cannot change: within one UTC day (week and
    /// month windows start on day boundaries too), and between the spend records on either side.
    public func usageConstancy(around now: Date) -> Range<Date> {
        let day = UTCTime.startOfDay(now)
        var from = day, until = day.addingTimeInterval(86_400)
        for record in spend {
            if record.at <= now { from = max(from, record.at) } else { until = min(until, record.at) }
        }
        return from..<until
    }

    /// `limit − spend in the limit's window`, with BYOK spend added when the key includes it;
    /// nil without a limit. Not clamped at zero, so an overspent key shows how far over it is.
    public func limitRemaining(at now: Date) -> USD? {
        guard let limit else { return nil }
        let usage = usage(at: now)
        var spent = usage.credits.window(reset)
        if includeBYOKInLimit { spent += usage.byok.window(reset) }
        return limit - spent
    }

    /// The key as the API reports it.
    public func apiKey(at now: Date) -> APIKey {
        let usage = usage(at: now)
        return APIKey(
            hash: hash, name: name, label: label, disabled: disabled, limit: limit,
            limitRemaining: limitRemaining(at: now), limitReset: reset, includeBYOKInLimit: includeBYOKInLimit,
            usage: usage.credits.total, usageDaily: usage.credits.daily, usageWeekly: usage.credits.weekly,
            usageMonthly: usage.credits.monthly, byokUsage: usage.byok.total, byokUsageDaily: usage.byok.daily,
            byokUsageWeekly: usage.byok.weekly, byokUsageMonthly: usage.byok.monthly,
            createdAt: APITimestamp(createdAt), updatedAt: updatedAt.map(APITimestamp.init),
            expiresAt: expiresAt.map(APITimestamp.init), creatorUserID: creatorUserID, workspaceID: workspaceID)
    }

    /// What `GET /key` reports when this key calls it.
    public func currentKey(at now: Date) -> CurrentKey {
        let usage = usage(at: now)
        return CurrentKey(
            label: label, limit: limit, limitRemaining: limitRemaining(at: now), limitReset: reset,
            includeBYOKInLimit: includeBYOKInLimit, usage: usage.credits.total, usageDaily: usage.credits.daily,
            usageWeekly: usage.credits.weekly, usageMonthly: usage.credits.monthly, byokUsage: usage.byok.total,
            byokUsageDaily: usage.byok.daily, byokUsageWeekly: usage.byok.weekly, byokUsageMonthly: usage.byok.monthly,
            isFreeTier: false, isManagementKey: false, expiresAt: expiresAt.map(APITimestamp.init),
            creatorUserID: creatorUserID)
    }
}
