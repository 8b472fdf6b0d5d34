/// Why an operation stopped, in words that say what happened and what to do. The command prints
/// it; `exitCode` is 1 unless the failure says otherwise.
public struct OperationFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// Set when the reason was already reported in full through the observer (the manifests'
    /// diagnostics), so the command only exits.
    public let alreadyReported: Bool

    public init(_ description: String, alreadyReported: Bool = false) {
        self.description = description
        self.alreadyReported = alreadyReported
    }
}
