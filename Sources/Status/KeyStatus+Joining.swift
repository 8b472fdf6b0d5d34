public import Domain
public import Foundation
public import Manifest
public import StateModel

extension KeyStatus {
    /// Joins what the manifests declare, what the state recorded and what OpenRouter reported
    /// for one address. At least one of `spec` and `entry` is given. `live` holds the keys of
    /// the last refresh by hash; `refreshed` says whether there was one.
    public init(address: KeyAddress, spec: KeySpec?, entry: StateEntry?, live: [String: LiveKey], refreshed: Bool, now: Date) {
        let current = entry.flatMap { live[$0.hash] }
        let settings = spec?.settings
        let limit = current.map(\.values.limit) ?? entry.map(\.values.limit) ?? settings?.limit
        let reset = current.map(\.values.limitReset) ?? entry.map(\.values.limitReset) ?? settings?.reset
        let includeBYOK = current?.values.includeBYOKInLimit ?? entry?.values.includeBYOKInLimit ?? settings?.includeBYOKInLimit ?? false
        let disabled = current?.values.disabled ?? entry?.values.disabled ?? settings?.disabled ?? false
        var expiresAt: Date?
        if let current {
            expiresAt = current.values.expiresAt
        } else if let entry {
            expiresAt = entry.values.expiresAt
        } else if case .at(let date)? = settings?.expiry {
            expiresAt = date
        }

        let condition: KeyCondition
        if entry == nil { condition = .pending }
        else if let expiresAt, expiresAt <= now { condition = .expired }
        else if disabled { condition = .disabled }
        else { condition = .active }

        var rotationDue: Date?
        if let rotation = settings?.rotation, let entry {
            rotationDue = (entry.rotatedAt ?? entry.createdAt).addingTimeInterval(rotation.every.timeInterval)
        }

        var cost: UsageWindows?
        var spend: USD?
        var remaining: USD?
        var percent: Int?
        if refreshed, entry != nil {
            var windows = current?.usage.credit ?? UsageWindows()
            if let predecessor = entry?.predecessor, let old = live[predecessor.hash] { windows = windows + old.usage.credit }
            cost = windows
            if let current {
                let used = current.spendAgainstLimit(reset: reset, includeBYOK: includeBYOK)
                spend = used
                if let limit {
                    remaining = used >= limit ? .zero : limit - used
                    percent = Self.wholePercent(used, of: limit)
                }
            }
        }

        self.init(
            address: address, condition: condition, isDeclared: spec != nil, hash: entry?.hash,
            openRouterName: current?.values.name ?? entry?.values.name, label: current?.label, limit: limit, reset: reset,
            includeBYOKInLimit: includeBYOK, disabled: disabled, expiresAt: expiresAt, createdAt: entry?.createdAt,
            rotatedAt: entry?.rotatedAt, generation: entry?.generation, secretStatus: entry?.secretStatus,
            rotation: settings?.rotation, rotationDue: rotationDue, predecessorHash: entry?.predecessor?.hash,
            protect: settings?.protect ?? false, labels: settings?.labels ?? [:], usage: current?.usage, cost: cost,
            spendInWindow: spend, remaining: remaining, percentUsed: percent)
    }

    /// `part` as a whole percentage of `whole`, rounded down, computed exactly. A zero `whole`
    /// is 100% used as soon as anything is spent.
    public static func wholePercent(_ part: USD, of whole: USD) -> Int {
        guard whole.nanos > 0 else { return part.nanos > 0 ? 100 : 0 }
        let value = Int128(max(part.nanos, 0)) * 100 / Int128(whole.nanos)
        return Int(min(value, Int128(Int.max)))
    }
}
