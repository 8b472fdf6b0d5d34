public import Foundation
public import Domain

/// One recorded spend on a key, at a simulated instant.
public struct SpendRecord: Hashable, Sendable, Codable {
    public var at: Date
    public var nanos: Int64
    /// External "bring your own key" spend, which counts against the limit only when the key
    /// says `include_byok_in_limit`.
    public var byok: Bool

    public init(at: Date, amount: USD, byok: Bool) {
        self.at = at
        nanos = amount.nanos
        self.byok = byok
    }

    public var amount: USD { USD(nanos: nanos) }
}
