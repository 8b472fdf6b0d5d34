public import Domain
public import Foundation
import Manifest

/// What the status says, worked out once from a snapshot: totals, clients with their keys, and
/// what needs attention. STATUS.md and the site both render this value and decide nothing else.
public struct StatusReport: Equatable, Sendable {
    /// The moment the status describes.
    public var now: Date
    /// When the live data was fetched; nil when usage is unknown.
    public var refreshedAt: Date?
    public var totals: StatusTotals
    /// Clients in id order: every declared client, then any undeclared one the state still has.
    public var clients: [ClientStatus]
    /// Each attention category's items, most urgent first; categories with nothing are absent.
    public var attention: [AttentionKind: [AttentionItem]]
    /// Unmanaged keys, by name then hash.
    public var unmanaged: [LiveKey]
    /// Drift notes by address.
    public var drift: [DriftNote]

    /// How close to a limit counts as near it, in percent.
    public static let nearLimitPercent = 80
    /// How soon an expiry needs attention.
    public static let expiryWarning: TimeInterval = 7 * 86_400

    public init(now: Date, refreshedAt: Date?, totals: StatusTotals, clients: [ClientStatus],
                attention: [AttentionKind: [AttentionItem]], unmanaged: [LiveKey], drift: [DriftNote]) {
        self.now = now
        self.refreshedAt = refreshedAt
        self.totals = totals
        self.clients = clients
        self.attention = attention
        self.unmanaged = unmanaged
        self.drift = drift
    }

    /// Whether usage and spend are known.
    public var isRefreshed: Bool { refreshedAt != nil }

    /// The items of one category, most urgent first.
    public func attention(_ kind: AttentionKind) -> [AttentionItem] { attention[kind] ?? [] }

    /// Whether nothing at all needs attention.
    public var needsNoAttention: Bool { attention.values.allSatisfy(\.isEmpty) }

    /// The client with `id`, if any.
    public func client(_ id: ClientID) -> ClientStatus? { clients.first { $0.id == id } }
}
