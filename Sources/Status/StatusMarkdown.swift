import MarkdownText
import Domain
import Foundation

/// STATUS.md: the status of every key as GitHub-flavoured markdown, for the repository and for
/// pull requests. A pure function of the report, so the same data gives the same bytes and the
/// file's diff in a pull request shows what changed. Every piece of text from the manifests or
/// the refresh is escaped; no secret or masked preview is ever written.
public enum StatusMarkdown {
    /// How many items of one attention category are listed before the rest are counted.
    public static let attentionLimit = 25

    /// The markdown of `snapshot`'s status.
    public static func render(_ snapshot: StatusSnapshot) -> String {
        render(StatusReport(snapshot))
    }

    /// The markdown of `report`.
    public static func render(_ report: StatusReport) -> String {
        var lines: [String] = []
        lines.reserveCapacity(64 + report.totals.keys + report.clients.count * 12)
        header(report, into: &lines)
        totals(report, into: &lines)
        attention(report, into: &lines)
        clients(report, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func header(_ report: StatusReport, into lines: inout [String]) {
        lines.append("# Key status")
        lines.append("")
        var intro = "Status at \(StatusFormat.moment(report.now))."
        if let refreshed = report.refreshedAt {
            intro += " Usage as OpenRouter reported it at \(StatusFormat.moment(refreshed))."
        } else {
            intro += " Usage was not refreshed, so spend, remaining amounts and percentages are not shown."
        }
        lines.append(intro)
        lines.append("All amounts are USD. Written by `keyplane status` and by every `keyplane apply`; do not edit it by hand.")
        lines.append("")
    }

    private static func totals(_ report: StatusReport, into lines: inout [String]) {
        let totals = report.totals
        lines.append("## Totals")
        lines.append("")
        lines.append("| Clients | Users | Keys | Active | Disabled | Expired | Not created yet | Unmanaged |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
        lines.append(row([
            "\(totals.clients)", "\(totals.users)", "\(totals.keys)", "\(totals.count(.active))", "\(totals.count(.disabled))",
            "\(totals.count(.expired))", "\(totals.count(.pending))", "\(totals.unmanaged)",
        ]))
        lines.append("")
        lines.append("| Spend | Today | This week | This month |")
        lines.append("|---|---:|---:|---:|")
        lines.append(spendRow("At cost", totals.cost))
        lines.append(spendRow("Billed after markup", totals.billed))
        if totals.unmanaged > 0 { lines.append(spendRow("Unmanaged keys, not billed", totals.unmanagedCost)) }
        lines.append("")
    }

    private static func spendRow(_ title: String, _ windows: UsageWindows?) -> String {
        row([title, StatusFormat.money(windows?.daily), StatusFormat.money(windows?.weekly), StatusFormat.money(windows?.monthly)])
    }

    private static func attention(_ report: StatusReport, into lines: inout [String]) {
        lines.append("## Attention")
        lines.append("")
        guard !report.needsNoAttention else {
            lines.append("Nothing needs attention.")
            lines.append("")
            return
        }
        for kind in AttentionKind.allCases {
            let items = report.attention(kind)
            guard !items.isEmpty else { continue }
            lines.append("### \(kind.title) (\(items.count))")
            lines.append("")
            for item in items.prefix(attentionLimit) {
                // An unmanaged key's name, and drift (which quotes values as OpenRouter reports
                // them), come from outside keyplane: inert, so they can never be markup.
                let subject = item.address.map { MarkdownText.code($0.description) }
                    ?? "\(MarkdownText.inert(item.unmanagedName ?? "")) (\(MarkdownText.inert(item.unmanagedHash ?? "")))"
                let message = kind == .drift ? MarkdownText.inert(item.message) : MarkdownText.escape(item.message)
                lines.append("- \(subject): \(message)")
            }
            if items.count > attentionLimit {
                let rest = items.count - attentionLimit
                lines.append("- …and \(rest) more\(kind == .unmanaged ? "" : "; the client tables below list every key").")
            }
            lines.append("")
        }
    }

    private static func clients(_ report: StatusReport, into lines: inout [String]) {
        lines.append("## Clients")
        lines.append("")
        if report.clients.isEmpty {
            lines.append("No clients are declared.")
            lines.append("")
        }
        for client in report.clients { self.client(client, refreshed: report.isRefreshed, into: &lines) }
    }

    private static func client(_ status: ClientStatus, refreshed: Bool, into lines: inout [String]) {
        if let client = status.client {
            lines.append("### \(MarkdownText.escape(client.displayName)) (\(MarkdownText.code(status.id.rawValue)))")
            lines.append("")
            lines.append("- Billing: \(MarkdownText.escape(client.billingEmail)), invoiced in \(MarkdownText.escape(client.currency))")
            lines.append("- Markup: \(status.markup)")
            lines.append("- Monthly cap: \(MarkdownText.escape(status.capSummary))")
        } else {
            lines.append("### \(MarkdownText.code(status.id.rawValue)) (not in the manifests)")
            lines.append("")
            lines.append("- The state still has keys of this client; the next apply deletes them.")
        }
        if refreshed {
            lines.append("- Spend this month: \(StatusFormat.money(status.cost?.monthly)) at cost, \(StatusFormat.money(status.billed?.monthly)) billed")
        }
        if !status.users.isEmpty {
            let users = status.users.map { user in
                MarkdownText.code(user.id.rawValue) + (user.displayName.map { " (\(MarkdownText.escape($0)))" } ?? "")
            }
            lines.append("- Users: \(users.joined(separator: ", "))")
        }
        lines.append("")
        guard !status.keys.isEmpty else {
            lines.append("No keys.")
            lines.append("")
            return
        }
        lines.append("| Key | Owner | Limit | Reset | Used in window | Remaining | % used | Expires | Rotation due | Disabled |")
        lines.append("|---|---|---:|---|---:|---:|---:|---|---|---|")
        for key in status.keys {
            var name = MarkdownText.code(key.address.description)
            if key.condition == .pending || key.condition == .expired { name += " (\(key.condition))" }
            if !key.isDeclared { name += " (not in the manifests)" }
            lines.append(row([
                name, key.owner.map { MarkdownText.code($0.rawValue) } ?? "client",
                key.limit.map(\.description) ?? "no limit", StatusFormat.reset(key.reset),
                StatusFormat.money(key.spendInWindow), StatusFormat.money(key.remaining), StatusFormat.percent(key.percentUsed),
                StatusFormat.day(key.expiresAt), StatusFormat.day(key.rotationDue), StatusFormat.yesNo(key.disabled),
            ]))
        }
        lines.append("")
    }

    private static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
}
