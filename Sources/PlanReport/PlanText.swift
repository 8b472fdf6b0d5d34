import Domain
import Foundation
import Manifest
import Plan
public import PlanFile

/// The plan for a terminal: Terraform-style symbols, colour only when asked for.
public enum PlanText {
    /// Renders `document`. `color` adds ANSI colours; callers pass true only for a TTY without NO_COLOR.
    public static func render(_ document: PlanDocument, color: Bool = false) -> String {
        let plan = document.plan
        let paint = Paint(enabled: color)
        var out: [String] = []
        out.reserveCapacity(plan.changes.count * 4 + 32)
        let refreshed = plan.refreshed ? "refreshed from OpenRouter" : "not refreshed (--refresh=false): live keys were not checked"
        out.append("keyplane plan \(document.fingerprint) · \(ManifestDate.format(plan.createdAt)) · \(refreshed)")
        if !plan.targets.isEmpty { out.append("Targets: \(plan.targets.map(\.description).joined(separator: ", "))") }

        if !plan.violations.isEmpty {
            out.append("")
            out.append(paint.red("Refused: this plan breaks \(plan.violations.count == 1 ? "a guard" : "\(plan.violations.count) guards") and cannot be applied."))
            for violation in plan.violations { out.append("  ✗ [\(violation.rule.rawValue)] \(violation.message)") }
        }

        if !plan.drift.isEmpty {
            out.append("")
            out.append(paint.bold("Drift (changed outside keyplane; the plan below puts it back):"))
            for item in plan.drift { out.append("  \(item.resource): \(PlanWords.drift(item))") }
        }

        let actions = plan.actions
        out.append("")
        if actions.isEmpty {
            out.append("No changes. The keys match the manifests.")
        } else {
            out.append(paint.bold("Changes:"))
            for change in actions { render(change, into: &out, paint: paint) }
        }

        let widenings = plan.widenings
        if !widenings.isEmpty || !plan.warnings.isEmpty {
            out.append("")
            out.append(paint.bold("Warnings:"))
            for (resource, widening) in widenings { out.append("  ⚠ \(resource): widens spend: \(PlanWords.widening(widening))") }
            for warning in plan.warnings {
                out.append("  ⚠ \(PlanWords.warning(warning, expiryWarningDays: plan.expiryWarningDays))")
            }
        }

        if !plan.unmanaged.isEmpty {
            out.append("")
            out.append(paint.bold("Unmanaged keys (in OpenRouter, not in the manifests or state; never touched):"))
            for key in plan.unmanaged {
                let workspace = key.workspace.map { "  in workspace \($0)" } ?? ""
                out.append("  \(key.hash.prefix(12))…  \(key.label)  \"\(key.name)\"\(workspace)\(key.disabled ? "  (disabled)" : "")")
            }
        }

        out.append("")
        out.append(paint.bold(document.summary.description + "."))
        return out.joined(separator: "\n") + "\n"
    }

    private static func render(_ change: PlanChange, into out: inout [String], paint: Paint) {
        let symbol = PlanWords.symbol(change.action)
        let head = "  \(symbol) \(change.resource)  \(PlanWords.phrase(change))"
        out.append(paint.action(change.action, head))
        for field in PlanWords.shownFields(change) {
            let name = field.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
            if change.action == .create {
                out.append("        \(name)\(PlanWords.field(field, change.keyAfter))")
            } else {
                out.append("        \(name)\(PlanWords.field(field, change.keyBefore)) → \(PlanWords.field(field, change.keyAfter))")
            }
        }
        for widening in change.widening { out.append(paint.yellow("        ⚠ widens spend: \(PlanWords.widening(widening))")) }
        if let handover = PlanWords.handover(change) { out.append("        handover: \(handover)") }
        for reason in change.reasons { out.append("        # \(PlanWords.reason(reason))") }
    }

    /// ANSI colours, or nothing.
    struct Paint {
        let enabled: Bool
        func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func bold(_ text: String) -> String { wrap("1", text) }
        func red(_ text: String) -> String { wrap("31", text) }
        func yellow(_ text: String) -> String { wrap("33", text) }
        func action(_ action: PlanAction, _ text: String) -> String {
            switch action {
            case .create: wrap("32", text)
            case .update: wrap("33", text)
            case .replace: wrap("35", text)
            case .delete: wrap("31", text)
            case .adopt: wrap("36", text)
            case .noop: text
            }
        }
    }
}
