public import Foundation

extension Date {
    /// The moment truncated to a whole second, as the state's files store every timestamp.
    package var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
