import Domain
import Foundation
import Manifest
import Parallel
import StateModel

/// Computes a plan: desired (manifests) against refreshed (live keys), with drift as prior
/// (state) against refreshed. A plain function over values: it calls nothing and formats nothing.
public enum Planner {
    public static func plan(_ input: PlanInput) -> Plan {
        plan(input, keysPerPiece: 1_024)
    }

    /// The plan, with the declared keys planned in pieces of at least `keysPerPiece` keys on
    /// every core (see `Context.planDeclaredKeys`); the result does not depend on it.
    static func plan(_ input: PlanInput, keysPerPiece: Int) -> Plan {
        var context = Context(input: input, keysPerPiece: keysPerPiece)
        context.run()
        return context.result()
    }

    private struct Context {
        let input: PlanInput
        /// Where each address's entry is in `input.prior`, and each hash's key in `input.live`:
        /// indexes rather than copies, since copying 10,000 entries and keys (each a dozen
        /// references to retain, and later release) cost more than the lookups.
        let priorIndex: [KeyAddress: Int]
        let liveIndex: [String: Int]
        /// Below this many declared keys per core, planning them in pieces is not worth starting.
        let keysPerPiece: Int
        var changes: [PlanChange] = []
        var drift: [Drift] = []
        var warnings: [PlanWarning] = []
        var violations: [GuardViolation] = []

        init(input: PlanInput, keysPerPiece: Int) {
            self.input = input
            self.keysPerPiece = max(1, keysPerPiece)
            // The first of any duplicates wins.
            var prior: [KeyAddress: Int] = [:]
            prior.reserveCapacity(input.prior.count)
            for index in input.prior.indices {
                let address = input.prior[index].address
                if prior[address] == nil { prior[address] = index }
            }
            priorIndex = prior
            var live: [String: Int] = [:]
            if let keys = input.live {
                live.reserveCapacity(keys.count)
                for index in keys.indices where live[keys[index].hash] == nil { live[keys[index].hash] = index }
            }
            liveIndex = live
        }

        /// The live key with `hash`, if any.
        func live(_ hash: String) -> LiveKey? {
            guard let index = liveIndex[hash], let keys = input.live else { return nil }
            return keys[index]
        }

        var refreshed: Bool { input.live != nil }

        mutating func run() {
            // A change per declared key and per deleted one; growing an array of 10,000 changes
            // would copy it a dozen times.
            changes.reserveCapacity(input.manifest.keys.count + max(0, input.prior.count - input.manifest.keys.count))
            planDeclaredKeys()
            let declared = Set(input.manifest.keys.map(\.address))
            // The state hands its entries over sorted; sorting is for other callers. Entries are
            // read in place: most are declared and have no predecessor, so none is copied.
            let prior = Self.inOrder(input.prior, by: { $0.address < $1.address })
            for index in prior.indices {
                if !declared.contains(prior[index].address) { planDelete(prior[index]) }
                if prior[index].predecessor != nil { planPredecessor(prior[index]) }
            }
            for address in input.adoptions.keys.sorted() where !declared.contains(address) {
                violations.append(GuardViolation(
                    resource: .key(address), rule: .invalidImport,
                    message: "\(address) is not declared in the manifests: declare it first, then import it"))
            }
            checkLastProductionKeys()
        }

        /// Plans every declared key. Each is planned on its own, so large manifests are planned in
        /// pieces on every core, and the pieces' findings joined in key order: exactly what one
        /// pass makes. (At 10,000 keys one pass was the longest stretch of a plan on one core.)
        mutating func planDeclaredKeys() {
            let keys = input.manifest.keys
            let pieces = min(ProcessInfo.processInfo.activeProcessorCount, keys.count / keysPerPiece)
            guard pieces > 1 else {
                for spec in keys { planDeclared(spec) }
                return
            }
            var start = self
            start.changes = []
            start.drift = []
            start.warnings = []
            start.violations = []
            let parts = ParallelWork.map(count: pieces) { [start] piece in
                var part = start
                let range = (keys.count * piece / pieces)..<(keys.count * (piece + 1) / pieces)
                part.changes.reserveCapacity(range.count)
                for index in range { part.planDeclared(keys[index]) }
                return part
            }
            for part in parts {
                changes += part.changes
                drift += part.drift
                warnings += part.warnings
                violations += part.violations
            }
        }

        mutating func planDeclared(_ spec: KeySpec) {
            if let hash = input.adoptions[spec.address], priorIndex[spec.address] == nil {
                planAdoption(spec, hash: hash)
            } else if let index = priorIndex[spec.address] {
                planExisting(spec, input.prior[index])
            } else {
                planCreate(spec, reasons: [.declared])
            }
        }

        // MARK: Desired values

        func desiredValues(_ spec: KeySpec, name: String, expiresAt: Date?) -> KeyValues {
            spec.settings.values(name: name, expiresAt: expiresAt)
        }

        // MARK: Per key

        mutating func planCreate(_ spec: KeySpec, reasons: [ChangeReason]) {
            let after = desiredValues(spec, name: spec.address.description,
                                      expiresAt: spec.settings.expiry.date(createdAt: input.now))
            changes.append(PlanChange(resource: .key(spec.address), action: .create, after: .key(after),
                                      expiry: spec.settings.expiry, reasons: reasons + [.newSecretSealed]))
        }

        mutating func planAdoption(_ spec: KeySpec, hash: String) {
            guard let live = live(hash) else {
                violations.append(GuardViolation(
                    resource: .key(spec.address), rule: .managementKey,
                    message: "no key with hash \(hash.prefix(12))… is listed by OpenRouter; management keys cannot be imported, and an import needs the hash of an existing regular key"))
                return
            }
            if let label = input.managementKeyLabel, live.label == label {
                violations.append(GuardViolation(
                    resource: .key(spec.address), rule: .managementKey,
                    message: "key \(hash.prefix(12))… is the management key keyplane is using; a management key never goes into the state"))
                return
            }
            if let owner = input.prior.first(where: { $0.hash == hash }) {
                violations.append(GuardViolation(
                    resource: .key(spec.address), rule: .invalidImport,
                    message: "key \(hash.prefix(12))… is already managed as \(owner.address)"))
                return
            }
            let before = live.values
            let after = desiredValues(spec, name: live.values.name, expiresAt: live.values.expiresAt)
            var reasons: [ChangeReason] = [.importedByHash]
                + after.differences(from: before, including: KeyValues.mutableFields).map { .setAsDeclaredAfterImport(field: $0) }
            let declaredExpiry = spec.settings.expiry.date(createdAt: live.createdAt)
            if !KeyValues.sameMoment(declaredExpiry, live.values.expiresAt) {
                reasons.append(.importedExpiryDiffers(live: live.values.expiresAt, declared: declaredExpiry))
            }
            changes.append(PlanChange(
                resource: .key(spec.address), action: .adopt, remoteID: hash, before: .key(before), after: .key(after),
                reasons: reasons, widening: SpendWidening.between(before, after)))
            warnings.append(PlanWarning(resource: .key(spec.address), kind: .secretUnknown))
        }

        mutating func planExisting(_ spec: KeySpec, _ entry: StateEntry) {
            let recorded = entry.values
            let live = live(entry.hash)
            drift += Drift.of(entry, live: live, refreshed: refreshed)
            if refreshed, live == nil {
                planCreate(spec, reasons: [.deletedOutside])
                return
            }
            let current = live?.values ?? recorded
            if entry.secretStatus == .unknown {
                warnings.append(PlanWarning(resource: .key(spec.address), kind: .secretUnknown))
            }

            let desiredExpiry = spec.settings.expiry.date(createdAt: entry.createdAt)
            if let reason = replacementReason(spec, entry, live: live, desiredExpiry: desiredExpiry) {
                let after = desiredValues(spec, name: spec.address.description,
                                          expiresAt: spec.settings.expiry.date(createdAt: input.now))
                let handover: PlanChange.Handover
                if let rotation = spec.settings.rotation, reason.rotation {
                    handover = .overlap(until: input.now.addingTimeInterval(rotation.overlap.timeInterval))
                } else {
                    handover = .immediate
                }
                var reasons: [ChangeReason] = [reason.reason, .deploymentsMustPickUpNewSecret]
                if case .overlap(let until) = handover { reasons.append(.oldKeyKeptUntil(until: until)) }
                changes.append(PlanChange(resource: .key(spec.address), action: .replace, remoteID: entry.hash,
                                          before: .key(current), after: .key(after), expiry: spec.settings.expiry,
                                          handover: handover, reasons: reasons, widening: SpendWidening.between(current, after)))
                warnIfLimitBelowUsage(spec.address, after: after, live: live)
                return
            }

            let after = desiredValues(spec, name: entry.values.name, expiresAt: current.expiresAt)
            let fields = after.differences(from: current, including: KeyValues.mutableFields)
            if fields.isEmpty {
                changes.append(PlanChange(resource: .key(spec.address), action: .noop, remoteID: entry.hash,
                                          before: .key(current), after: .key(after)))
            } else {
                let drifted = Set(current.differences(from: recorded, including: KeyValues.mutableFields))
                let reasons: [ChangeReason] = fields.map { field in
                    drifted.contains(field) && after.same(field, as: recorded) ? .putBack(field: field) : .changedInManifests(field: field)
                }
                changes.append(PlanChange(resource: .key(spec.address), action: .update, remoteID: entry.hash,
                                          before: .key(current), after: .key(after), reasons: reasons,
                                          widening: SpendWidening.between(current, after)))
                warnIfLimitBelowUsage(spec.address, after: after, live: live)
            }
            if let expiresAt = current.expiresAt, expiresAt > input.now,
                expiresAt.timeIntervalSince(input.now) <= Double(input.options.expiryWarningDays) * 86_400 {
                warnings.append(PlanWarning(resource: .key(spec.address), kind: .expiresSoon(at: expiresAt)))
            }
        }

        func replacementReason(_ spec: KeySpec, _ entry: StateEntry, live: LiveKey?, desiredExpiry: Date)
            -> (reason: ChangeReason, rotation: Bool)?
        {
            if input.options.replace.contains(spec.address) {
                return (.replacementRequested, spec.settings.rotation != nil)
            }
            if let rotation = spec.settings.rotation {
                let due = entry.createdAt.addingTimeInterval(rotation.every.timeInterval)
                if due <= input.now { return (.rotationDue(createdAt: entry.createdAt, every: rotation.every), true) }
            }
            if !KeyValues.sameMoment(desiredExpiry, entry.values.expiresAt) {
                return (.expiryChanges(from: entry.values.expiresAt, to: spec.settings.expiry), false)
            }
            if let live, live.isExpired(at: input.now) {
                return (.expired(at: live.values.expiresAt), false)
            }
            return nil
        }

        mutating func warnIfLimitBelowUsage(_ address: KeyAddress, after: KeyValues, live: LiveKey?) {
            guard let live, let limit = after.limit, !after.disabled else { return }
            let spent = live.spendAgainstLimit(reset: after.limitReset, includeBYOK: after.includeBYOKInLimit)
            if spent >= limit, spent > .zero {
                warnings.append(PlanWarning(resource: .key(address), kind: .limitBelowUsage(limit: limit, spent: spent)))
            }
        }

        mutating func planDelete(_ entry: StateEntry) {
            let live = live(entry.hash)
            let before = live?.values ?? entry.values
            if refreshed, live == nil {
                drift.append(Drift(resource: .key(entry.address), remoteID: entry.hash, kind: .deletedOutside))
                changes.append(PlanChange(resource: .key(entry.address), action: .delete, remoteID: entry.hash,
                                          before: .key(before), reasons: [.removedAndAlreadyGone]))
                return
            }
            if entry.protect {
                violations.append(GuardViolation(
                    resource: .key(entry.address), rule: .protectedKey,
                    message: "\(entry.address) is protected and would be deleted: to delete it, first set protect: false in its manifest and apply, then remove it"))
            }
            changes.append(PlanChange(resource: .key(entry.address), action: .delete, remoteID: entry.hash,
                                      before: .key(before), reasons: [.removedFromManifests]))
        }

        mutating func planPredecessor(_ entry: StateEntry) {
            guard let predecessor = entry.predecessor else { return }
            let live = live(predecessor.hash)
            if refreshed, live == nil {
                changes.append(PlanChange(resource: .key(entry.address), action: .delete, subject: .predecessor,
                                          remoteID: predecessor.hash, reasons: [.previousKeyAlreadyGone]))
            } else if predecessor.deleteAfter <= input.now {
                changes.append(PlanChange(resource: .key(entry.address), action: .delete, subject: .predecessor,
                                          remoteID: predecessor.hash, before: live.map { .key($0.values) },
                                          reasons: [.overlapEnded(at: predecessor.deleteAfter)]))
            }
        }

        /// A client that had an active production key must keep one, unless explicitly allowed.
        mutating func checkLastProductionKeys() {
            guard !input.options.allowLastProductionKey else { return }
            var before: [ClientID: Int] = [:]
            var activeProduction = Set<KeyAddress>()
            for index in input.prior.indices
            where input.prior[index].labels[KeySettings.productionLabel.key] == KeySettings.productionLabel.value {
                let entry = input.prior[index]
                let disabled = live(entry.hash)?.values.disabled ?? entry.values.disabled
                if !disabled, !(refreshed && liveIndex[entry.hash] == nil) {
                    before[entry.address.client, default: 0] += 1
                    activeProduction.insert(entry.address)
                }
            }
            var after: [ClientID: Int] = [:]
            for spec in input.manifest.keys where spec.settings.isProduction && !spec.settings.disabled {
                after[spec.address.client, default: 0] += 1
            }
            for (client, count) in before.sorted(by: { $0.key < $1.key }) where count > 0 && after[client, default: 0] == 0 {
                let culprits = changes.filter { change in
                    guard let address = change.keyAddress else { return false }
                    return address.client == client && change.subject == .current && activeProduction.contains(address)
                        && (change.action == .delete || (change.action == .update && change.keyAfter?.disabled == true))
                }
                for change in culprits {
                    violations.append(GuardViolation(
                        resource: change.resource, rule: .lastProductionKey,
                        message: "\(change.resource) is the last active production key of client '\(client)' and would be \(change.action == .delete ? "deleted" : "disabled"): its production traffic would stop. Add its replacement first, or pass --allow-last-production-key"))
                }
            }
        }

        /// `items` sorted, returned as they are when already in order: checking is linear,
        /// sorting is not, and a stable sort of sorted items changes nothing.
        static func inOrder<T>(_ items: [T], by precedes: (T, T) -> Bool) -> [T] {
            zip(items, items.dropFirst()).allSatisfy({ !precedes($1, $0) }) ? items : items.sorted(by: precedes)
        }

        func result() -> Plan {
            var selected = Self.inOrder(changes) { $0.id < $1.id }
            if !input.options.targets.isEmpty {
                selected = selected.filter { $0.keyAddress.map(input.options.targets.contains) ?? false }
            }
            return Plan(
                toolVersion: input.toolVersion, createdAt: input.now, refreshed: refreshed, changes: selected,
                drift: drift.sorted(by: Drift.precedes),
                unmanaged: UnmanagedKey.find(prior: input.prior, live: input.live ?? [], adopting: Set(input.adoptions.values),
                                             workspaceSlugs: Dictionary((input.liveWorkspaces ?? []).map { ($0.id, $0.values.slug) },
                                                                        uniquingKeysWith: { a, _ in a })),
                warnings: warnings.sorted { $0.resource < $1.resource },
                violations: violations.sorted { ($0.resource, $0.rule.rawValue) < ($1.resource, $1.rule.rawValue) },
                targets: input.options.targets.sorted(), expiryWarningDays: input.options.expiryWarningDays,
                binding: input.binding)
        }
    }
}

