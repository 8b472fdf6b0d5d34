public import Domain
public import Foundation
public import Manifest
import Plan
public import SealedState
import StateModel

/// Folds what an apply did into the opened state, in plan order.
public enum StateUpdate {
    public static func fold(_ result: ApplyResult, into opened: inout OpenedState, manifest: Manifest, now: Date) throws {
        let specs = Dictionary(manifest.keys.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        for applied in result.applied {
            switch applied {
            case .created(let address, let hash, let sealed, let createdAt, let values, let replacing):
                let previous = opened.state[address]
                var predecessor: RotationPredecessor?
                if let replacing, case .overlap(let until) = replacing.handover, let old = replacing.remoteID {
                    predecessor = RotationPredecessor(hash: old, deleteAfter: until)
                }
                let entry = StateEntry(
                    address: address, hash: hash, values: values, createdAt: createdAt, rotatedAt: replacing == nil ? nil : now,
                    generation: replacing == nil ? (previous.map { $0.generation + 1 } ?? 1) : (previous?.generation ?? 0) + 1,
                    predecessor: predecessor ?? previous?.predecessor,
                    protect: specs[address]?.settings.protect ?? false, labels: specs[address]?.settings.labels ?? [:])
                try opened.upsert(entry, journalSealedSecret: sealed)
            case .updated(let address, let values):
                guard var entry = opened.state[address] else { continue }
                // An update changes the mutable settings only; the expiry stays as recorded.
                let expiresAt = entry.values.expiresAt
                entry.values = values
                entry.values.expiresAt = expiresAt
                try opened.upsert(entry)
            case .deleted(let address, let subject, let hash):
                switch subject {
                case .current:
                    if opened.state[address]?.hash == hash { opened.remove(address) }
                case .predecessor:
                    if var entry = opened.state[address], entry.predecessor?.hash == hash {
                        entry.predecessor = nil
                        try opened.upsert(entry)
                    }
                }
            case .adopted(let address, let hash, let values, let createdAt):
                let entry = StateEntry(
                    address: address, hash: hash, values: values, createdAt: createdAt, protect: specs[address]?.settings.protect ?? false,
                    labels: specs[address]?.settings.labels ?? [:])
                try opened.upsert(entry)
            }
        }
        try syncManifestFacts(&opened, specs: specs)
    }

    /// Records each managed key's `protect` flag and labels from the manifests, so that guards
    /// still know them after the key is removed from the manifests.
    public static func syncManifestFacts(_ opened: inout OpenedState, specs: [KeyAddress: KeySpec]) throws {
        for entry in opened.state.sortedEntries {
            guard let spec = specs[entry.address],
                entry.protect != spec.settings.protect || entry.labels != spec.settings.labels
            else { continue }
            var updated = entry
            updated.protect = spec.settings.protect
            updated.labels = spec.settings.labels
            try opened.upsert(updated)
        }
    }
}
