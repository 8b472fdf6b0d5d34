import MarkdownText
import Plan
public import PlanFile
import PlanReport

/// The message of an apply's commit: the summary of what was applied as subject, one line per
/// change that was applied, failed or not started (addresses and actions only, never a secret),
/// what was recovered, and trailers for the plan fingerprint and the tool version. Text that can
/// come from outside keyplane (an API error) is inert, since hosts render commit messages as
/// markdown in places.
public enum ApplyCommitMessage {
    /// At most this many lines per section; the rest are counted.
    public static let maximumLines = 60

    public static func make(document: PlanDocument, result: ApplyResult, recovered: [String], toolVersion: String) -> String {
        var lines = ["keyplane apply: \(subject(document: document, result: result))", ""]
        func section(_ title: String, _ changes: [(PlanChange, String?)]) {
            guard !changes.isEmpty else { return }
            if lines.last != "" { lines.append("") }
            lines.append("\(title) (\(changes.count)):")
            for (change, message) in changes.prefix(maximumLines) {
                var line = "\(PlanWords.symbol(change.action)) \(change.resource) \(PlanWords.pastTense(change))"
                if let message { line = "✗ \(change.resource) \(PlanWords.phrase(change)): \(MarkdownText.inert(message))" }
                lines.append(line)
            }
            if changes.count > maximumLines { lines.append("… and \(changes.count - maximumLines) more") }
        }
        section("Applied", result.succeeded.map { ($0, nil) })
        section("Failed; run apply again to finish", result.failed.map { ($0.change, $0.message) })
        section("Not started", result.notStarted.map { ($0, nil) })
        if !recovered.isEmpty || !result.notes.isEmpty {
            lines.append("")
            for note in (recovered + result.notes).prefix(maximumLines) { lines.append("Note: \(note)") }
        }
        lines.append("")
        lines.append("Keyplane-Plan: \(document.fingerprint)")
        lines.append("Keyplane-Version: \(toolVersion)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2 created, 1 updated` for what succeeded, with failures and changes not started counted;
    /// `recorded the state` when nothing was applied (a recovery, or manifest facts).
    static func subject(document: PlanDocument, result: ApplyResult) -> String {
        var counts: [(String, Int)] = []
        for action in PlanAction.allCases where action != .noop {
            let count = result.succeeded.filter { $0.action == action }.count
            if count > 0 { counts.append((pastTense(action), count)) }
        }
        var parts = counts.map { "\($0.1) \($0.0)" }
        if !result.failed.isEmpty { parts.append("\(result.failed.count) failed") }
        if !result.notStarted.isEmpty { parts.append("\(result.notStarted.count) not started") }
        return parts.isEmpty ? "recorded the state" : parts.joined(separator: ", ")
    }

    private static func pastTense(_ action: PlanAction) -> String {
        switch action {
        case .create: "created"
        case .update: "updated"
        case .replace: "replaced"
        case .delete: "deleted"
        case .adopt: "adopted"
        case .noop: "unchanged"
        }
    }
}
