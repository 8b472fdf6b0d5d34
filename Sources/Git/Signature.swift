public import Foundation

/// Who made a commit and when.
public struct Signature: Equatable, Sendable {
    public var name: String
    public var email: String
    /// The moment, to the second (git's resolution).
    public var date: Date
    /// The author's offset from UTC in minutes, as recorded in the commit.
    public var utcOffsetMinutes: Int

    public init(name: String, email: String, date: Date = Date(), utcOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        self.utcOffsetMinutes = utcOffsetMinutes
    }
}
