import Domain
import Foundation
import Manifest
import Plan

/// How plan values read in every format: the same words in the terminal, markdown and JSON.
enum ValueText {
    static func field(_ field: KeyValues.Field, _ values: KeyValues?) -> String {
        guard let values else { return "—" }
        switch field {
        case .name: return values.name
        case .limit: return values.limit.map(\.description) ?? "none"
        case .limitReset: return values.limitReset?.rawValue ?? "none"
        case .includeBYOKInLimit: return values.includeBYOKInLimit ? "yes" : "no"
        case .disabled: return values.disabled ? "yes" : "no"
        case .expiresAt: return values.expiresAt.map(ManifestDate.format) ?? "never"
        }
    }

    /// `$20.00 monthly`, `$5.00 daily`, `no limit`.
    static func limit(_ values: KeyValues) -> String {
        guard let limit = values.limit else { return "no limit" }
        return "\(limit) \(values.limitReset?.rawValue ?? "lifetime")"
    }

    static func actionPhrase(_ change: PlanChange) -> String {
        switch (change.action, change.subject) {
        case (.create, _): "create"
        case (.update, _): "update in place"
        case (.replace, _): "replace (a new secret will be issued)"
        case (.delete, .predecessor): "delete the previous key (rotation handover done)"
        case (.delete, .current): "delete"
        case (.adopt, _): "adopt (secret unknown)"
        case (.noop, _): "no change"
        }
    }

    static func symbol(_ action: PlanAction) -> String {
        switch action {
        case .create: "+"
        case .update: "~"
        case .replace: "-/+"
        case .delete: "-"
        case .adopt: "<="
        case .noop: " "
        }
    }

    /// The fields worth showing for a change: all of them for a create, the changed ones otherwise.
    static func shownFields(_ change: PlanChange) -> [KeyValues.Field] {
        switch change.action {
        case .create: [.limit, .limitReset, .includeBYOKInLimit, .disabled, .expiresAt]
        case .delete, .noop: []
        case .update, .adopt: change.changedFields
        case .replace:
            change.changedFields.filter { $0 != .name }.isEmpty ? [.expiresAt] : change.changedFields.filter { $0 != .name }
        }
    }

    static func warning(_ warning: PlanWarning) -> String {
        switch warning.kind {
        case .limitBelowUsage(let limit, let spent):
            "\(warning.address): the new limit of \(limit) is at or below the \(spent) already spent in its window, so the key stops at once"
        case .expiresSoon(let date):
            "\(warning.address): expires \(ManifestDate.format(date)), within 7 days"
        case .secretUnknown:
            "\(warning.address): its secret is unknown to keyplane (adopted key); deployments must get it elsewhere"
        }
    }

    static func handover(_ change: PlanChange) -> String? {
        switch change.handover {
        case .overlap(let until): "old key stays live until \(ManifestDate.format(until))"
        case .immediate: "old key deleted once the new one exists"
        case nil: nil
        }
    }
}
