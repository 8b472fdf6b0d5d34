public import Plan

/// The message of an apply's commit: the plan summary as subject, one line per change (no
/// secret: addresses and actions only), what failed or was recovered, and trailers for the plan
/// fingerprint and the tool version.
public enum ApplyCommitMessage {
    /// At most this many change lines; the rest are counted.
    public static let maximumLines = 60

    public static func make(document: PlanDocument, result: ApplyResult, recovered: [String], toolVersion: String) -> String {
        let summary = document.summary.description.replacingOccurrences(of: "Plan: ", with: "")
        var lines = ["keyplane apply: \(summary)", ""]
        let changes = document.plan.actions
        for change in changes.prefix(maximumLines) {
            lines.append("\(ValueSymbols.done(change)) \(change.address) \(ValueSymbols.pastTense(change))")
        }
        if changes.count > maximumLines { lines.append("… and \(changes.count - maximumLines) more") }
        if !result.failures.isEmpty {
            lines.append("")
            lines.append("Failed (\(result.failures.count)); run apply again to finish:")
            for failure in result.failures.prefix(maximumLines) { lines.append("✗ \(failure.address): \(failure.message)") }
        }
        if !recovered.isEmpty || !result.notes.isEmpty {
            lines.append("")
            for note in (recovered + result.notes).prefix(maximumLines) { lines.append("Note: \(note)") }
        }
        lines.append("")
        lines.append("Keyplane-Plan: \(document.fingerprint)")
        lines.append("Keyplane-Version: \(toolVersion)")
        return lines.joined(separator: "\n") + "\n"
    }
}
