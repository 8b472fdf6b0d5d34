/// One problem found in the manifests, with the place it was found.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        /// The manifests cannot be used: validate exits 1 and plan refuses to run.
        case error
        /// Worth a look, but the manifests can be used.
        case warning
    }

    public let severity: Severity
    public let location: SourceLocation
    /// One line saying what is wrong, in words a person can act on. Never holds a secret.
    public let message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `path:line:col: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects the diagnostics of one run, so that every problem is reported before stopping.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    func append(_ more: [Diagnostic]) { diagnostics += more }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
