public import Foundation

/// The simulator's idea of now: real time, or a fixed start, plus whatever the control endpoint
/// has advanced it by. Advancing lets tests reach the next day, week or month, or an expiry.
public struct SimulatorClock: Hashable, Sendable {
    /// A fixed instant to count from; nil follows the system clock.
    public var start: Date?
    /// Seconds added by `advance(by:)`.
    public var offset: TimeInterval

    public init(start: Date? = nil, offset: TimeInterval = 0) {
        self.start = start
        self.offset = offset
    }

    public func now() -> Date { (start ?? Date()).addingTimeInterval(offset) }

    public mutating func advance(by seconds: TimeInterval) { offset += seconds }
}
