/// The window a workspace budget counts spend in (the `{interval}` of
/// `/workspaces/{id}/budgets/{interval}`). Ordered from the narrowest window to the widest, the
/// order in which budgets must strictly grow: daily < weekly < monthly < lifetime.
public enum WorkspaceBudgetInterval: String, CaseIterable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    case daily
    case weekly
    case monthly
    /// A one-time budget that never resets. Budget documents write it as `reset_interval: null`.
    case lifetime

    /// The position in `allCases`, narrowest first.
    private var width: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: WorkspaceBudgetInterval, rhs: WorkspaceBudgetInterval) -> Bool { lhs.width < rhs.width }

    public var description: String { rawValue }
}
