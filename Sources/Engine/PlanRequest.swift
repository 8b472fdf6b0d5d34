public import Domain
public import Foundation
public import Plan

/// What a plan is asked for: the planner's options, whether to refresh, keys to adopt.
public struct PlanRequest: Sendable {
    public var options: PlanOptions
    /// Refresh the live keys from OpenRouter; without, the recorded state stands in for them.
    public var refresh: Bool
    /// Keys to take under management by hash (`keyplane import`).
    public var adoptions: [KeyAddress: String]
    /// The moment the plan is made for.
    public var now: Date
    /// The keyplane version, recorded in the plan.
    public var toolVersion: String

    public init(options: PlanOptions = PlanOptions(), refresh: Bool = true, adoptions: [KeyAddress: String] = [:],
                now: Date, toolVersion: String) {
        self.options = options
        self.refresh = refresh
        self.adoptions = adoptions
        self.now = now
        self.toolVersion = toolVersion
    }
}
