/// The windows a workspace budget resets in. OpenRouter requires budgets to strictly decrease as
/// the window narrows: lifetime > monthly > weekly > daily.
public enum BudgetInterval: String, Codable, CodingKeyRepresentable, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    case daily, weekly, monthly, lifetime

    public var description: String { rawValue }

    /// Narrower windows sort first: daily < weekly < monthly < lifetime.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The most windows of this kind that overlap one calendar month, as `LimitReset` counts
    /// them; a lifetime budget counts once.
    public var windowsPerMonth: Int {
        switch self {
        case .daily: 31
        case .weekly: 5
        case .monthly, .lifetime: 1
        }
    }
}

/// A workspace's budgets: at most one amount per window.
public struct WorkspaceBudgets: Codable, Hashable, Sendable {
    public private(set) var amounts: [BudgetInterval: USD]

    public init(_ amounts: [BudgetInterval: USD] = [:]) { self.amounts = amounts }

    public subscript(interval: BudgetInterval) -> USD? {
        get { amounts[interval] }
        set { amounts[interval] = newValue }
    }

    public var isEmpty: Bool { amounts.isEmpty }

    /// The budgets set, narrowest window first.
    public var ordered: [(interval: BudgetInterval, amount: USD)] {
        BudgetInterval.allCases.compactMap { interval in amounts[interval].map { (interval, $0) } }
    }

    /// The first pair of budgets, narrowest first, that breaks OpenRouter's rule that budgets
    /// strictly decrease as the window narrows; nil when they follow it.
    public var orderingViolation: (narrower: BudgetInterval, wider: BudgetInterval)? {
        let set = ordered
        for (narrow, wide) in zip(set, set.dropFirst()) where narrow.amount >= wide.amount {
            return (narrow.interval, wide.interval)
        }
        return nil
    }
}

/// The settings of one OpenRouter workspace: the one definition that the manifest's desired
/// workspace, the state's record and the refreshed workspace share. A client's keys live in it,
/// and its budgets stop their spend when reached.
public struct WorkspaceValues: Codable, Hashable, Sendable {
    /// URL-friendly and unique in the account: lowercase letters and digits in segments joined by
    /// single hyphens, at most 50 characters.
    public var slug: String
    /// 1 to 100 characters.
    public var name: String
    /// At most 500 characters.
    public var description: String?
    /// Whether spend through provider keys users bring (BYOK) counts against the budgets.
    public var includeBYOKInBudgets: Bool
    public var budgets: WorkspaceBudgets

    public init(slug: String, name: String, description: String? = nil, includeBYOKInBudgets: Bool = false,
                budgets: WorkspaceBudgets = WorkspaceBudgets()) {
        self.slug = slug
        self.name = name
        self.description = description
        self.includeBYOKInBudgets = includeBYOKInBudgets
        self.budgets = budgets
    }

    /// The settings of the workspace itself, named as OpenRouter names them; its budgets are
    /// compared window by window (`BudgetWrites`).
    public enum Field: String, Codable, CaseIterable, Hashable, Sendable {
        case slug, name, description
        case includeBYOKInBudgets = "include_byok_in_budgets"
    }

    /// The fields whose values differ, in a fixed order.
    public func differences(from other: WorkspaceValues) -> [Field] {
        Field.allCases.filter { text(of: $0) != other.text(of: $0) }
    }

    /// The field's value as canonical text: `none` for no description, `yes`/`no`.
    public func text(of field: Field) -> String {
        switch field {
        case .slug: slug
        case .name: name
        case .description: description ?? "none"
        case .includeBYOKInBudgets: includeBYOKInBudgets ? "yes" : "no"
        }
    }

    /// OpenRouter's slug rule: `^[a-z0-9]+(?:-[a-z0-9]+)*$`, 1 to 50 characters.
    public static func isValidSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...50).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let alphanumeric = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard alphanumeric || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return true
    }

    /// A sentence that says what a valid slug looks like, for error messages.
    public static let slugRule = "use 1 to 50 lowercase letters and digits, in segments joined by single hyphens"
}
