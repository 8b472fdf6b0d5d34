public import Foundation
public import Domain
public import OpenRouterAPI

/// One budget of a workspace as the simulator keeps it.
public struct StoredBudget: Hashable, Sendable, Codable {
    public var id: String
    public var interval: WorkspaceBudgetInterval
    public var limitNanos: Int64
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, interval: WorkspaceBudgetInterval, limit: USD, createdAt: Date) {
        self.id = id
        self.interval = interval
        limitNanos = limit.nanos
        self.createdAt = createdAt
        updatedAt = createdAt
    }

    public var limit: USD {
        get { USD(nanos: limitNanos) }
        set { limitNanos = newValue.nanos }
    }

    /// The budget as the API reports it.
    public func apiBudget(workspaceID: String) -> APIWorkspaceBudget {
        APIWorkspaceBudget(
            id: id, workspaceID: workspaceID, limitUSD: limit, resetInterval: interval, createdAt: APITimestamp(createdAt),
            updatedAt: APITimestamp(updatedAt))
    }
}
