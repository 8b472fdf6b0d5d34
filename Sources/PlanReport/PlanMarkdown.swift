import Domain
import Foundation
import Manifest
import MarkdownText
import Plan
public import PlanFile

/// The plan as pull-request comments: a summary line, a warning block for guards, widening spend
/// and expiry, a table of changes, and details collapsed in `<details>`. Long plans are split into
/// several comments, each under GitHub's limit.
///
/// Every value that can come from outside keyplane (key names and labels from OpenRouter) goes
/// in through `MarkdownText.inert`, so it renders as its characters and never as a link, image,
/// HTML or mention; keyplane's own words go through `MarkdownText.escape`.
public enum PlanMarkdown {
    /// GitHub refuses comments longer than this many characters.
    public static let commentLimit = 65_535

    /// The comments to post, in order; one unless the plan is too long for one comment.
    /// `limit` is for tests; it defaults to GitHub's limit less a margin for the part header.
    public static func render(_ document: PlanDocument, limit: Int = commentLimit - 1_000) -> [String] {
        let plan = document.plan
        var head: [String] = ["### keyplane plan `\(document.fingerprint)`", ""]
        head.append("**\(document.summary.description)**")
        head.append("")
        if !plan.refreshed {
            head.append("_Not refreshed: live keys were not checked (`--refresh=false`)._")
            head.append("")
        }
        head += warningBlock(plan)

        var blocks: [String] = []
        let actions = plan.actions
        if actions.isEmpty {
            blocks.append("No changes. The keys match the manifests.\n")
        } else {
            blocks.append("| | key | action | what changes |\n|:-:|---|---|---|\n")
            for change in actions { blocks.append(tableRow(change)) }
        }
        var details: [String] = []
        for change in actions { details.append(detail(change)) }
        if !plan.drift.isEmpty {
            details.append("#### Drift (changed outside keyplane; this plan puts it back)\n\n"
                + plan.drift.map { "- \(code($0.resource)): \(PlanWords.drift($0, quote: inert))\n" }.joined() + "\n")
        }
        if !plan.unmanaged.isEmpty {
            details.append("#### Unmanaged keys (never touched)\n\n"
                + plan.unmanaged.map { key in
                    let workspace = key.workspace.map { " in workspace \(inert($0))" } ?? ""
                    return "- \(inert(String(key.hash.prefix(12)) + "…")) \(inert(key.label)) \(inert(key.name))\(workspace)\(key.disabled ? " (disabled)" : "")\n"
                }.joined() + "\n")
        }
        return pack(head: head.joined(separator: "\n") + "\n", table: blocks, details: details, limit: limit)
    }

    private static func warningBlock(_ plan: Plan) -> [String] {
        var lines: [String] = []
        if !plan.violations.isEmpty {
            lines.append("> [!CAUTION]")
            lines.append("> **Refused: this plan breaks \(plan.violations.count == 1 ? "a guard" : "\(plan.violations.count) guards") and cannot be applied.**")
            for violation in plan.violations { lines.append("> - `\(violation.rule.rawValue)` \(escape(violation.message))") }
            lines.append("")
        }
        let widenings = plan.widenings
        let expiring = plan.warnings.filter { if case .expiresSoon = $0.kind { true } else { false } }
        let others = plan.warnings.filter { if case .expiresSoon = $0.kind { false } else { true } }
        if !widenings.isEmpty || !plan.warnings.isEmpty || !plan.drift.isEmpty {
            lines.append("> [!WARNING]")
            if !widenings.isEmpty {
                lines.append("> **Widening spend**")
                for (resource, widening) in widenings { lines.append("> - \(code(resource)): \(escape(PlanWords.widening(widening)))") }
            }
            if !expiring.isEmpty {
                if lines.last != "> [!WARNING]" { lines.append(">") }
                lines.append("> **Expiring within \(plan.expiryWarningDays) day\(plan.expiryWarningDays == 1 ? "" : "s")**")
                for warning in expiring { lines.append("> - \(escape(PlanWords.warning(warning, expiryWarningDays: plan.expiryWarningDays)))") }
            }
            if !others.isEmpty {
                if lines.last != "> [!WARNING]" { lines.append(">") }
                lines.append("> **Also**")
                for warning in others { lines.append("> - \(escape(PlanWords.warning(warning, expiryWarningDays: plan.expiryWarningDays)))") }
            }
            if !plan.drift.isEmpty {
                if lines.last != "> [!WARNING]" { lines.append(">") }
                lines.append("> **Drift**: \(plan.drift.count) setting\(plan.drift.count == 1 ? "" : "s") changed outside keyplane; this plan puts \(plan.drift.count == 1 ? "it" : "them") back.")
            }
            lines.append("")
        }
        return lines
    }

    private static func tableRow(_ change: PlanChange) -> String {
        let cell: PlanWords.Quote = { MarkdownText.inert($0, in: .tableCell) }
        var what: [String] = []
        for field in PlanWords.shownFields(change) {
            let name = escape(field.rawValue)
            if change.action == .create {
                what.append("\(name) \(value(field, change.keyAfter, cell))")
            } else {
                what.append("\(name) \(value(field, change.keyBefore, cell)) → \(value(field, change.keyAfter, cell))")
            }
        }
        if !change.widening.isEmpty { what.append("⚠️ widens spend") }
        if change.issuesNewSecret { what.append("🔑 new secret") }
        return "| \(code(PlanWords.symbol(change.action))) | \(code(change.resource)) | \(escape(PlanWords.phrase(change))) | \(what.joined(separator: "; ")) |\n"
    }

    private static func detail(_ change: PlanChange) -> String {
        var text = "**\(code(change.resource))**: \(escape(PlanWords.phrase(change)))\n\n"
        for reason in change.reasons { text += "- \(escape(PlanWords.reason(reason)))\n" }
        for widening in change.widening { text += "- ⚠️ widens spend: \(escape(PlanWords.widening(widening)))\n" }
        if let handover = PlanWords.handover(change) { text += "- handover: \(escape(handover))\n" }
        return text + "\n"
    }

    /// A field's value in a table cell: the value as keyplane writes it, escaped, or inert when
    /// it can come from outside (a name).
    private static func value(_ field: KeyValues.Field, _ values: KeyValues?, _ cell: PlanWords.Quote) -> String {
        guard let values else { return "—" }
        return field == .name ? cell(values.text(of: field)) : escape(values.text(of: field))
    }

    /// keyplane's own words, escaped.
    static func escape(_ text: String) -> String { MarkdownText.escape(text) }

    /// Outside text, inert.
    static func inert(_ text: String) -> String { MarkdownText.inert(text) }

    /// An address, which is always one of keyplane's identifiers, as inline code.
    static func code(_ value: some CustomStringConvertible) -> String { MarkdownText.inert(value.description) }

    /// Packs the head, table rows and details into comments under `limit` characters. The first
    /// comment starts with the head; each later one says which part it is. Details sit in a
    /// `<details>` element of their own in each comment.
    static func pack(head: String, table: [String], details: [String], limit: Int) -> [String] {
        let tableHeader = table.first ?? ""
        let rows = Array(table.dropFirst())
        var parts: [String] = []
        var current = head + tableHeader
        var inDetails = false
        let detailsOpen = "\n<details><summary>Details</summary>\n\n"
        let detailsClose = "</details>\n"

        func startNewPart() {
            if inDetails { current += detailsClose }
            parts.append(current)
            current = "### keyplane plan (continued)\n\n"
            inDetails = false
        }
        for row in rows {
            if current.count + row.count > limit { startNewPart(); current += tableHeader }
            current += row
        }
        for block in details {
            let opening = inDetails ? "" : detailsOpen
            if current.count + opening.count + block.count + detailsClose.count > limit { startNewPart() }
            if !inDetails { current += detailsOpen; inDetails = true }
            current += block
        }
        if inDetails { current += detailsClose }
        parts.append(current)
        guard parts.count > 1 else { return parts }
        return parts.enumerated().map { index, text in
            text.replacingOccurrences(of: "### keyplane plan (continued)", with: "### keyplane plan (part \(index + 1) of \(parts.count))")
                + (index == 0 ? "\n_Part 1 of \(parts.count); the plan continues in the next comment._\n" : "")
        }
    }
}
