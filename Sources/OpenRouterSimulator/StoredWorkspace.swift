import Cryptography
public import Foundation
public import Domain
public import OpenRouterAPI

/// A workspace as the simulator keeps it: its settings, its budgets (at most one per interval,
/// narrowest first) and every spend recorded on its keys. The spend is the workspace's own
/// ledger, so deleting a key does not give its spend back to the budgets.
public struct StoredWorkspace: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var slug: String
    public var description: String?
    public var includeBYOKInBudgets: Bool
    public var createdAt: Date
    public var updatedAt: Date?
    public var createdBy: String?
    public var defaultGuardrailID: String
    public var budgets: [StoredBudget]
    public var spend: [SpendRecord]

    public init(id: String, name: String, slug: String, description: String?, createdAt: Date, createdBy: String?) throws {
        self.id = id
        self.name = name
        self.slug = slug
        self.description = description
        includeBYOKInBudgets = false
        self.createdAt = createdAt
        updatedAt = nil
        self.createdBy = createdBy
        defaultGuardrailID = try Self.derivedUUID(from: "guardrail:" + id)
        budgets = []
        spend = []
    }

    /// The default workspace every account has: a fixed id and the slug `default`.
    public static func defaultWorkspace() throws -> StoredWorkspace {
        // 2025-01-01T00:00:00Z: a fixed instant, so the default workspace reads the same after
        // every start and every reset.
        try StoredWorkspace(
            id: SimulatorState.defaultWorkspaceID, name: "Default Workspace", slug: "default", description: nil,
            createdAt: Date(timeIntervalSince1970: 1_735_689_600), createdBy: SimulatorState.userID)
    }

    /// A UUID-shaped id derived from `text` (the first 16 bytes of its SHA-256).
    static func derivedUUID(from text: String) throws -> String {
        let hex = Hex.encode(Array(try Digest.sha256(Array(text.utf8)).prefix(16)))
        var parts: [Substring] = []
        var rest = hex[...]
        for length in [8, 4, 4, 4, 12] {
            parts.append(rest.prefix(length))
            rest = rest.dropFirst(length)
        }
        return parts.joined(separator: "-")
    }

    /// The budget for `interval`, if there is one.
    public func budget(_ interval: WorkspaceBudgetInterval) -> StoredBudget? { budgets.first { $0.interval == interval } }

    /// The spend in the window of `interval` that contains `now`, BYOK spend included when the
    /// workspace says so. Windows are OpenRouter's: UTC day, Monday-to-Sunday week, calendar
    /// month, and all time for `.lifetime`.
    public func spent(in interval: WorkspaceBudgetInterval, at now: Date) -> USD {
        let start: Date? =
            switch interval {
            case .daily: UTCTime.startOfDay(now)
            case .weekly: UTCTime.startOfWeek(now)
            case .monthly: UTCTime.startOfMonth(now)
            case .lifetime: nil
            }
        var total = USD.zero
        for record in spend where record.at <= now && (includeBYOKInBudgets || !record.byok) {
            if let start, record.at < start { continue }
            total += record.amount
        }
        return total
    }

    /// The first budget, narrowest first, whose window's spend has reached its limit at `now`.
    public func exhaustedBudget(at now: Date) -> StoredBudget? {
        budgets.first { spent(in: $0.interval, at: now) >= $0.limit }
    }

    /// Why `budgets` break the rule that limits strictly grow with the interval (lifetime >
    /// monthly > weekly > daily), or nil when they keep it. Neighbours suffice: the order is
    /// transitive.
    public static func orderingProblem(_ budgets: [StoredBudget]) -> String? {
        let sorted = budgets.sorted { $0.interval < $1.interval }
        for (narrow, wide) in zip(sorted, sorted.dropFirst()) where narrow.limit >= wide.limit {
            return "the \(narrow.interval) budget (\(narrow.limit)) must be less than the \(wide.interval) budget "
                + "(\(wide.limit)): budget limits must strictly decrease as the interval narrows "
                + "(lifetime > monthly > weekly > daily)"
        }
        return nil
    }

    /// The budgets as the list route reports them.
    public func budgetList() -> WorkspaceBudgetList {
        WorkspaceBudgetList(budgets: budgets.map { $0.apiBudget(workspaceID: id) }, includeBYOKInBudgets: includeBYOKInBudgets)
    }

    /// The workspace as the API reports it. The dashboard-only settings, which the simulator
    /// does not model, read as OpenRouter's defaults.
    public func apiWorkspace() -> APIWorkspace {
        APIWorkspace(
            id: id, name: name, slug: slug, description: description, includeBYOKInBudgets: includeBYOKInBudgets,
            createdAt: APITimestamp(createdAt), updatedAt: updatedAt.map(APITimestamp.init), createdBy: createdBy,
            defaultGuardrailID: defaultGuardrailID)
    }
}
