import Domain
import Foundation

/// Timestamps in the state: UTC, whole seconds, `2025-03-01T12:00:00Z`. A thin forward to
/// `UTCTime` (Domain), which writes and reads the form by hand, because opening thousands of
/// entries must be fast.
enum StateTimestamp {
    static func format(_ date: Date) -> String { UTCTime.text(date, .dateTime) }

    /// Exactly `YYYY-MM-DDTHH:MM:SSZ`; nil for anything else.
    static func parse(_ text: String) -> Date? { UTCTime.parseCanonical(text) }

    /// Drops fractions of a second, as the file does.
    static func truncated(_ date: Date) -> Date { UTCTime.truncatedToSeconds(date) }
}
