public import Domain
import Foundation
import Manifest
public import Plan

/// The one vocabulary of plans: the symbol and the words for every action, reason, drift,
/// widening and warning, shared by the terminal text, the pull-request markdown, apply's progress
/// lines and its commit message. The planner decides; these only word what it decided.
///
/// Values that can come from outside keyplane (a key's name as OpenRouter reports it) are passed
/// through `quote`, so the markdown renderer can make them inert and the text renderer can leave
/// them as they are.
public enum PlanWords {
    /// How a value is written into the words: as it is in the terminal, as an inert code span in
    /// markdown.
    public typealias Quote = @Sendable (String) -> String

    /// The value as it is.
    public static let plain: Quote = { $0 }

    /// The symbol of an action, as Terraform writes them: `+` create, `~` update, `-/+` replace,
    /// `-` delete, `<=` adopt (read into the state), and a space for no change.
    public static func symbol(_ action: PlanAction) -> String {
        switch action {
        case .create: "+"
        case .update: "~"
        case .replace: "-/+"
        case .delete: "-"
        case .adopt: "<="
        case .noop: " "
        }
    }

    /// What the change does, in the future: `create`, `replace (a new secret will be issued)`.
    public static func phrase(_ change: PlanChange) -> String {
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

    /// What the change did, once it is done: `created`, `previous key deleted`.
    public static func pastTense(_ change: PlanChange) -> String {
        switch (change.action, change.subject) {
        case (.create, _): "created"
        case (.update, _): "updated"
        case (.replace, _): "replaced with a new key"
        case (.delete, .predecessor): "previous key deleted"
        case (.delete, .current): "deleted"
        case (.adopt, _): "adopted"
        case (.noop, _): "unchanged"
        }
    }

    /// One reason, in words.
    public static func reason(_ reason: ChangeReason) -> String {
        switch reason {
        case .declared: "declared in the manifests and not yet in OpenRouter"
        case .deletedOutside: "the key was deleted outside keyplane and is recreated"
        case .newSecretSealed: "a new secret will be issued and sealed in the state"
        case .deploymentsMustPickUpNewSecret: "a new key with a new secret will be issued; deployments must pick up the new secret"
        case .importedByHash: "imported by hash; its secret is unknown to keyplane"
        case .setAsDeclaredAfterImport(let field): "then \(field.rawValue) is set as declared"
        case .importedExpiryDiffers(let live, let declared):
            "its expiry (\(date(live))) differs from the manifests' (\(date(declared))); OpenRouter cannot change it, so the next plan replaces the key with a new one"
        case .replacementRequested: "replacement requested with --replace"
        case .rotationDue(let createdAt, let every):
            "rotation due: created \(ManifestDate.formatDay(createdAt)), rotate_every \(every)"
        case .expiryChanges(let from, .at(let to)):
            "expiry changes from \(date(from)) to \(date(to)); OpenRouter cannot change a key's expiry"
        case .expiryChanges(let from, .after(let period)):
            "expiry changes to \(period) after creation (it was set to \(date(from))); OpenRouter cannot change a key's expiry"
        case .expired(let at): "the key expired at \(at.map(ManifestDate.format) ?? "?")"
        case .oldKeyKeptUntil(let until): "the old key keeps working until \(date(until)) and is deleted by a later apply"
        case .changedInManifests(let field): "\(field.rawValue) changes in the manifests"
        case .putBack(let field): "\(field.rawValue) was changed outside keyplane and is put back"
        case .removedFromManifests: "removed from the manifests; the key stops working and its secret is discarded"
        case .removedAndAlreadyGone:
            "removed from the manifests; the key is already gone from OpenRouter, so only its state entry is removed"
        case .previousKeyAlreadyGone: "the previous key is already gone from OpenRouter; its state record is removed"
        case .overlapEnded(let at): "the rotation's overlap ended at \(date(at)); the previous key is deleted"
        case .workspaceDeclared: "the client's workspace is declared in the manifests and not yet in OpenRouter"
        case .workspaceDeletedOutside: "the workspace was deleted outside keyplane and is created again"
        case .workspaceChangesInManifests(let field): "the workspace's \(field.rawValue) changes in the manifests"
        case .clientRemoved: "the client is gone from the manifests; its workspace is deleted once every key in it is"
        case .budgetChangesInManifests(let interval): "the \(interval) budget changes in the manifests"
        case .budgetPutBack(let interval): "the \(interval) budget was changed outside keyplane and is put back"
        }
    }

    /// One drift finding, without its address: `limit changed outside keyplane: $5.00 → $50.00`.
    public static func drift(_ drift: Drift, quote: Quote = plain) -> String {
        switch drift.kind {
        case .changed(let field, let recorded, let live):
            "\(field) changed outside keyplane: \(quote(recorded)) → \(quote(live))"
        case .deletedOutside: "deleted outside keyplane"
        }
    }

    /// One way a change widens spend.
    public static func widening(_ widening: SpendWidening) -> String {
        switch widening {
        case .higherLimit(let from, let to): "limit raised from \(from) to \(to)"
        case .limitRemoved(let was): "limit of \(was) removed: the key can spend without bound"
        case .shorterWindow(let from, let to): "limit resets \(to) instead of \(from.map(\.rawValue) ?? "never")"
        case .byokExcluded: "BYOK spend no longer counts against the limit"
        case .reenabled: "a disabled key is enabled again"
        case .budgetRaised(let interval, let from, let to): "\(interval) budget raised from \(from) to \(to)"
        case .budgetRemoved(let interval, let was): "\(interval) budget of \(was) removed: that window no longer stops spend"
        case .byokExcludedFromBudgets: "BYOK spend no longer counts against the workspace's budgets"
        }
    }

    /// One warning, with its address. `days` is the plan's expiry warning period.
    public static func warning(_ warning: PlanWarning, expiryWarningDays days: Int) -> String {
        switch warning.kind {
        case .limitBelowUsage(let limit, let spent):
            "\(warning.resource): the new limit of \(limit) is at or below the \(spent) already spent in its window, so the key stops at once"
        case .expiresSoon(let at):
            "\(warning.resource): expires \(ManifestDate.format(at)), within \(days) day\(days == 1 ? "" : "s")"
        case .secretUnknown:
            "\(warning.resource): its secret is unknown to keyplane (adopted key); deployments must get it elsewhere"
        }
    }

    /// How a replacement hands over, or nil for other changes.
    public static func handover(_ change: PlanChange) -> String? {
        switch change.handover {
        case .overlap(let until): "old key stays live until \(ManifestDate.format(until))"
        case .immediate: "old key deleted once the new one exists"
        case nil: nil
        }
    }

    /// A field's value for a change's before or after side, `—` when there is none.
    public static func field(_ field: KeyValues.Field, _ values: KeyValues?, quote: Quote = plain) -> String {
        guard let values else { return "—" }
        let text = values.text(of: field)
        return field == .name ? quote(text) : text
    }

    /// The fields worth showing for a change: all of them for a create, the changed ones otherwise.
    public static func shownFields(_ change: PlanChange) -> [KeyValues.Field] {
        switch change.action {
        case .create: [.limit, .limitReset, .includeBYOKInLimit, .disabled, .expiresAt]
        case .delete, .noop: []
        case .update, .adopt: change.changedFields
        case .replace:
            change.changedFields.filter { $0 != .name }.isEmpty ? [.expiresAt] : change.changedFields.filter { $0 != .name }
        }
    }

    private static func date(_ date: Date?) -> String { date.map(ManifestDate.format) ?? "never" }
}
