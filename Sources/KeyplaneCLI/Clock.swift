import Foundation
import Manifest

/// The current time for commands. `KEYPLANE_NOW` (a UTC date-time such as 2026-11-22T09:00:00Z)
/// fixes it, so tests, golden files and demos are reproducible.
enum Clock {
    static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["KEYPLANE_NOW"], let date = try? ManifestDate.parse(text) { return date }
        return Date()
    }
}
