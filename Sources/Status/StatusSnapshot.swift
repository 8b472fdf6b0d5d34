public import Domain
public import Foundation
public import Manifest
public import StateModel

/// Everything the status and the site are rendered from, gathered by the command that renders
/// them: the manifests, the state's readable entries, the keys OpenRouter reported at the last
/// refresh, and the clock. It holds no secret: `StateEntry` carries only a sealed secret and a
/// masked preview, and neither is ever rendered.
public struct StatusSnapshot: Equatable, Sendable {
    /// The moment the status describes. Every "due", "expiring" and "expired" is judged against it,
    /// and it is the only time written into the output.
    public var now: Date
    /// The desired model: clients, users and keys as the manifests declare them.
    public var manifest: Manifest
    /// The state's entries (the keys keyplane manages), in any order.
    public var entries: [StateEntry]
    /// The keys OpenRouter reported at the last refresh, by OpenRouter hash. Empty when the data
    /// was not refreshed.
    public var live: [String: LiveKey]
    /// Keys on OpenRouter that no state entry (nor a rotation's predecessor) accounts for.
    public var unmanaged: [LiveKey]
    /// Drift the last refresh found.
    public var drift: [DriftNote]
    /// When the live data was fetched; nil when it was not refreshed, and usage is then unknown.
    public var refreshedAt: Date?

    public init(now: Date, manifest: Manifest, entries: [StateEntry], live: [String: LiveKey] = [:],
                unmanaged: [LiveKey] = [], drift: [DriftNote] = [], refreshedAt: Date? = nil) {
        self.now = now
        self.manifest = manifest
        self.entries = entries
        self.live = live
        self.unmanaged = unmanaged
        self.drift = drift
        self.refreshedAt = refreshedAt
    }
}
