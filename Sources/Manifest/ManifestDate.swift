import Domain
public import Foundation

/// Absolute dates in manifests: `2027-06-30` (midnight UTC) or `2027-06-30T12:00:00Z`. Only UTC
/// is accepted, because OpenRouter rejects other offsets. The reading and writing are
/// `UTCTime`'s (Domain), shared with the API and the state.
public enum ManifestDate {
    public enum ParseError: Error, Equatable {
        case notADate
        case notUTC
    }

    /// Parses a date or a UTC date-time; a fraction of a second is dropped.
    public static func parse(_ text: String) throws(ParseError) -> Date {
        guard let parsed = UTCTime.parse(text), parsed.fields.second < 60 else { throw .notADate }
        if parsed.hasTime {
            guard let offset = parsed.utcOffsetSeconds else { throw .notUTC }
            guard offset == 0 else { throw .notUTC }
        }
        return parsed.fields.truncatedToSeconds.date
    }

    /// `2027-06-30T00:00:00Z`.
    public static func format(_ date: Date) -> String { UTCTime.text(date, .dateTime) }

    /// `2027-06-30`.
    public static func formatDay(_ date: Date) -> String { UTCTime.text(date, .date) }
}
