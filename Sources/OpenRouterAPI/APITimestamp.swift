import Domain
public import Foundation

/// An ISO 8601 instant as OpenRouter writes it. Reading accepts both styles seen in the wild,
/// `2025-08-24T10:30:00Z` and `2025-02-19T20:52:27.363244+00:00`; writing uses the first, with
/// milliseconds when the instant has them.
public struct APITimestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The instant.
    public let date: Date
    /// The offset from UTC the text carried, in seconds; 0 for `Z`.
    public let utcOffsetSeconds: Int

    public init(_ date: Date) {
        self.date = date
        utcOffsetSeconds = 0
    }

    /// Whether the text said UTC (`Z` or `+00:00`).
    public var isUTC: Bool { utcOffsetSeconds == 0 }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM|±HH)` (see `UTCTime.parse`); nil for
    /// anything else, including a time without a zone and a day its month does not have.
    public init?(parsing text: String) {
        guard let parsed = UTCTime.parse(text), parsed.hasTime, let offset = parsed.utcOffsetSeconds else { return nil }
        date = parsed.date
        utcOffsetSeconds = offset
    }

    /// `2025-08-24T10:30:00Z`, or `2025-08-24T10:30:00.250Z` when the instant has milliseconds.
    public var text: String { UTCTime.text(date, .dateTimeMilliseconds) }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = APITimestamp(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 timestamp: \(text)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Equality and order compare instants only.
    public static func == (lhs: APITimestamp, rhs: APITimestamp) -> Bool { lhs.date == rhs.date }
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }
    public static func < (lhs: APITimestamp, rhs: APITimestamp) -> Bool { lhs.date < rhs.date }
}
