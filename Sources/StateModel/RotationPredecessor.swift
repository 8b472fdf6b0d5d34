public import Foundation

/// The key a rotation replaced, kept in the state until it may be deleted from OpenRouter, so that
/// deployments still using it keep working during the overlap.
public struct RotationPredecessor: Equatable, Sendable {
    /// The old key's OpenRouter hash.
    public var hash: String
    /// When the old key may be deleted.
    public var deleteAfter: Date

    public init(hash: String, deleteAfter: Date) {
        self.hash = hash
        self.deleteAfter = deleteAfter.wholeSeconds
    }
}
