package import Foundation
import Domain

extension Date {
    /// The moment truncated to a whole second, as the state's files store every timestamp.
    package var wholeSeconds: Date { UTCTime.truncatedToSeconds(self) }
}
