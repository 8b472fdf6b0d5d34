public import Domain
public import Foundation

/// Repository-wide defaults and bounds, from a `policy:` section (at most one in the repository).
public struct Policy: Equatable, Sendable {
    /// The expiry of a key that sets none. Default 90 days.
    public var defaultExpiry: Period
    /// No key may expire later than this after it is created. Default 10 years.
    public var maximumExpiry: Period
    /// The reset of a key that sets none. Default monthly; nil means lifetime limits.
    public var defaultReset: LimitReset?

    public init(defaultExpiry: Period = .days(90), maximumExpiry: Period = .days(3650), defaultReset: LimitReset? = .monthly) {
        self.defaultExpiry = defaultExpiry
        self.maximumExpiry = maximumExpiry
        self.defaultReset = defaultReset
    }
}

/// Where a client's keys live on OpenRouter.
public enum ClientWorkspace: Equatable, Sendable {
    /// The client's own workspace. With `enforceBudgets`, its budgets (the monthly cap among
    /// them) are written to OpenRouter, which stops spend once one is reached; without, they are
    /// advisory: keyplane reports them, and OpenRouter does not know them (for accounts whose
    /// plan has no workspace budgets).
    case own(WorkspaceValues, enforceBudgets: Bool)
    /// The account's default workspace, shared with everything else in it: keys live there and
    /// the client's cap is advisory.
    case defaultWorkspace

    /// The slug of the default workspace.
    public static let defaultSlug = "default"

    /// The client's own workspace's desired values, if it has one.
    public var values: WorkspaceValues? {
        if case .own(let values, _) = self { return values }
        return nil
    }

    /// Whether OpenRouter is to enforce the client's budgets.
    public var enforcesBudgets: Bool {
        if case .own(_, let enforce) = self { return enforce }
        return false
    }
}

/// A client organisation: who is billed, at what markup, under which monthly cap, in which
/// OpenRouter workspace.
public struct Client: Equatable, Sendable {
    public var id: ClientID
    /// The name people read, such as `Acme Corporation`.
    public var displayName: String
    public var billingEmail: String
    /// What the client is billed per dollar of cost; 1.3 bills 130% of cost. Default 1.
    public var markup: Rate
    /// The most the client's keys may spend in a calendar month, in USD; nil for no cap.
    public var monthlyCap: USD?
    /// The ISO 4217 code invoices are written in. Limits and spend are always USD.
    public var currency: String
    /// Where the client's keys live; by default its own workspace, slug the client id, whose
    /// monthly budget is the monthly cap.
    public var workspace: ClientWorkspace
    public var location: SourceLocation

    public init(id: ClientID, displayName: String, billingEmail: String, markup: Rate = .one, monthlyCap: USD? = nil,
                currency: String = "USD", workspace: ClientWorkspace? = nil, location: SourceLocation) {
        self.id = id
        self.displayName = displayName
        self.billingEmail = billingEmail
        self.markup = markup
        self.monthlyCap = monthlyCap
        self.currency = currency
        self.workspace = workspace ?? .own(
            WorkspaceValues(slug: id.rawValue, name: displayName,
                            budgets: WorkspaceBudgets(monthlyCap.map { [.monthly: $0] } ?? [:])),
            enforceBudgets: true)
        self.location = location
    }
}

/// A person at a client organisation.
public struct User: Equatable, Sendable {
    public var id: UserID
    public var email: String
    public var client: ClientID
    public var displayName: String?
    public var location: SourceLocation

    public init(id: UserID, email: String, client: ClientID, displayName: String? = nil, location: SourceLocation) {
        self.id = id
        self.email = email
        self.client = client
        self.displayName = displayName
        self.location = location
    }
}

/// When a key expires: at a fixed UTC moment, or a period after it is created (or rotated).
public enum Expiry: Hashable, Sendable, CustomStringConvertible {
    case at(Date)
    case after(Period)

    /// The moment a key created at `creation` expires.
    public func date(createdAt creation: Date) -> Date {
        switch self {
        case .at(let date): date
        case .after(let period): creation.addingTimeInterval(period.timeInterval)
        }
    }

    public var description: String {
        switch self {
        case .at(let date): ManifestDate.format(date)
        case .after(let period): period.description
        }
    }
}

/// How often a key is replaced by a fresh one, and how long the old one keeps working afterwards.
public struct Rotation: Hashable, Sendable {
    public var every: Period
    public var overlap: Period

    public init(every: Period, overlap: Period) {
        self.every = every
        self.overlap = overlap
    }
}

/// Everything keyplane manages about a key, apart from its identity and where it was declared.
public struct KeySettings: Hashable, Sendable {
    /// USD spending limit per window; nil for no limit.
    public var limit: USD?
    /// The window the limit applies to; nil for a lifetime limit.
    public var reset: LimitReset?
    /// Whether spend through the user's own provider keys (BYOK) counts against the limit.
    public var includeBYOKInLimit: Bool
    public var expiry: Expiry
    public var disabled: Bool
    public var rotation: Rotation?
    /// Refuse any plan that would delete this key.
    public var protect: Bool
    /// Free-form labels, such as `environment: production`.
    public var labels: [String: String]

    public init(limit: USD? = nil, reset: LimitReset? = .monthly, includeBYOKInLimit: Bool = false,
                expiry: Expiry = .after(.days(90)), disabled: Bool = false, rotation: Rotation? = nil,
                protect: Bool = false, labels: [String: String] = [:]) {
        self.limit = limit
        self.reset = reset
        self.includeBYOKInLimit = includeBYOKInLimit
        self.expiry = expiry
        self.disabled = disabled
        self.rotation = rotation
        self.protect = protect
        self.labels = labels
    }

    /// The key's desired values, with the name and the expiry moment the caller decides (a
    /// create names the key by its address; an existing key keeps its name and expiry).
    public func values(name: String, expiresAt: Date?) -> KeyValues {
        KeyValues(name: name, limit: limit, limitReset: reset, includeBYOKInLimit: includeBYOKInLimit, disabled: disabled,
                  expiresAt: expiresAt)
    }

    /// The label that marks a key as serving production traffic.
    public static let productionLabel = (key: "environment", value: "production")

    /// Whether the key is labelled `environment: production`.
    public var isProduction: Bool { labels[Self.productionLabel.key] == Self.productionLabel.value }
}

/// One key as the manifests declare it.
public struct KeySpec: Equatable, Sendable {
    public var address: KeyAddress
    public var settings: KeySettings
    public var location: SourceLocation

    public init(address: KeyAddress, settings: KeySettings, location: SourceLocation) {
        self.address = address
        self.settings = settings
        self.location = location
    }
}

/// The desired model: every manifest file merged and checked. Lists are sorted by id or address.
public struct Manifest: Equatable, Sendable {
    public var policy: Policy
    public var clients: [Client]
    public var users: [User]
    public var keys: [KeySpec]

    public init(policy: Policy = Policy(), clients: [Client] = [], users: [User] = [], keys: [KeySpec] = []) {
        self.policy = policy
        self.clients = clients.sorted { $0.id < $1.id }
        self.users = users.sorted { $0.id < $1.id }
        self.keys = keys.sorted { $0.address < $1.address }
    }

    /// The client with `id`, if declared.
    public func client(_ id: ClientID) -> Client? { clients.first { $0.id == id } }
}
