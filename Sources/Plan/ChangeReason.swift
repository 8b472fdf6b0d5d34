public import Domain
public import Foundation
public import Manifest

/// Why the planner chose a change: data, never words. The renderers word each reason the same
/// way in every format, and nothing decides on them after the planner.
public enum ChangeReason: Codable, Hashable, Sendable {
    /// Declared in the manifests and not yet in OpenRouter.
    case declared
    /// The key was deleted outside keyplane and is created again.
    case deletedOutside
    /// A new secret will be issued and sealed in the state.
    case newSecretSealed
    /// A new key with a new secret is issued; deployments must pick the new secret up.
    case deploymentsMustPickUpNewSecret
    /// Imported by hash; its secret is unknown to keyplane.
    case importedByHash
    /// After the import, this field is set as declared.
    case setAsDeclaredAfterImport(field: KeyValues.Field)
    /// The imported key's expiry differs from the manifests'; OpenRouter cannot change it, so the
    /// next plan replaces the key.
    case importedExpiryDiffers(live: Date?, declared: Date)
    /// `--replace` asked for it.
    case replacementRequested
    /// The rotation is due: the key was created at `createdAt` and rotates every `every`.
    case rotationDue(createdAt: Date, every: Period)
    /// The expiry changes, and OpenRouter cannot change a key's expiry in place.
    case expiryChanges(from: Date?, to: Expiry)
    /// The key expired.
    case expired(at: Date?)
    /// The old key keeps working until this moment and a later apply deletes it.
    case oldKeyKeptUntil(until: Date)
    /// The field changes in the manifests.
    case changedInManifests(field: KeyValues.Field)
    /// The field was changed outside keyplane and is put back.
    case putBack(field: KeyValues.Field)
    /// Removed from the manifests: the key stops working and its secret is discarded.
    case removedFromManifests
    /// Removed from the manifests, and already gone from OpenRouter: only the record goes.
    case removedAndAlreadyGone
    /// A rotation's previous key is already gone from OpenRouter; its record is removed.
    case previousKeyAlreadyGone
    /// A rotation's overlap ended at this moment; the previous key is deleted.
    case overlapEnded(at: Date)
    /// The client's workspace is declared and does not exist yet.
    case workspaceDeclared
    /// The workspace was deleted outside keyplane and is created again.
    case workspaceDeletedOutside
    /// A setting of the workspace changes in the manifests.
    case workspaceChangesInManifests(field: WorkspaceValues.Field)
    /// The client is gone from the manifests: its workspace goes, after its keys.
    case clientRemoved
    /// The budget is set, changed or removed in the manifests.
    case budgetChangesInManifests(interval: BudgetInterval)
    /// The budget was changed outside keyplane and is put back.
    case budgetPutBack(interval: BudgetInterval)
}
