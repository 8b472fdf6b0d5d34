import Domain
import StateModel

/// A client's workspace record in its client file (format 2): OpenRouter's id and the settings
/// keyplane last set or saw, amounts as decimal text. Fields in UTF-8 key order; absent optionals
/// are left out.
struct WorkspaceDocument: Codable, Equatable, Sendable {
    /// Budget amounts by window (`daily`, `weekly`, `monthly`, `lifetime`), when any is managed.
    var budgets: [String: String]?
    var description: String?
    var id: String
    var includeBYOKInBudgets: Bool
    var name: String
    var slug: String

    enum CodingKeys: String, CodingKey {
        case budgets, description, id
        case includeBYOKInBudgets = "include_byok_in_budgets"
        case name, slug
    }

    init(budgets: [String: String]?, description: String?, id: String, includeBYOKInBudgets: Bool, name: String,
         slug: String) {
        self.budgets = budgets
        self.description = description
        self.id = id
        self.includeBYOKInBudgets = includeBYOKInBudgets
        self.name = name
        self.slug = slug
    }

    init(_ entry: WorkspaceEntry) {
        let budgets = entry.values.budgets.ordered
        self.init(budgets: budgets.isEmpty ? nil : Dictionary(uniqueKeysWithValues: budgets.map {
                      ($0.interval.rawValue, $0.amount.formatted(minimumDecimals: 0, symbol: false))
                  }),
                  description: entry.values.description, id: entry.id,
                  includeBYOKInBudgets: entry.values.includeBYOKInBudgets, name: entry.values.name, slug: entry.values.slug)
    }

    /// The record as the state's model, for `client`; the problem names what is wrong.
    func entry(client: ClientID) throws(EntryProblem) -> WorkspaceEntry {
        var budgets = WorkspaceBudgets()
        if let amounts = self.budgets {
            guard !amounts.isEmpty else { throw EntryProblem("needs 'budgets' as a non-empty object, or none") }
            for (window, text) in amounts {
                guard let interval = BudgetInterval(rawValue: window) else { throw EntryProblem("has an unknown budget window '\(window)'") }
                guard let amount = USD(decimal: text) else { throw EntryProblem("has a budget '\(window)' that is not a decimal amount") }
                budgets[interval] = amount
            }
        }
        return WorkspaceEntry(client: client, id: id, values: WorkspaceValues(
            slug: slug, name: name, description: description, includeBYOKInBudgets: includeBYOKInBudgets, budgets: budgets))
    }

    /// The record's present fields in UTF-8 key order, for the MAC and for the file alike.
    func emit<Fields: CanonicalFields & ~Copyable>(to fields: inout Fields) {
        let present = 4 + (budgets == nil ? 0 : 1) + (description == nil ? 0 : 1)
        fields.beginObject(fieldCount: present)
        if let budgets { fields.field("budgets", stringObject: budgets) }
        fields.field("description", description)
        fields.field("id", id)
        fields.field("include_byok_in_budgets", includeBYOKInBudgets)
        fields.field("name", name)
        fields.field("slug", slug)
        fields.endObject()
    }
}
