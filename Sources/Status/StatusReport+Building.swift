import Domain
import Foundation
import Manifest
import StateModel

extension StatusReport {
    /// Works out the status of `snapshot`: joins every declared or recorded key with its live
    /// counterpart, groups keys by client, adds up spend and limits, and collects what needs
    /// attention. Linear in the number of keys.
    public init(_ snapshot: StatusSnapshot) {
        let now = snapshot.now
        let refreshed = snapshot.refreshedAt != nil
        var specs: [KeyAddress: KeySpec] = [:]
        specs.reserveCapacity(snapshot.manifest.keys.count)
        for spec in snapshot.manifest.keys { specs[spec.address] = spec }
        var entries: [KeyAddress: StateEntry] = [:]
        entries.reserveCapacity(snapshot.entries.count)
        for entry in snapshot.entries { entries[entry.address] = entry }
        let addresses = Set(specs.keys).union(entries.keys).sorted()

        var keysByClient: [ClientID: [KeyStatus]] = [:]
        var byCondition: [KeyCondition: Int] = [:]
        for address in addresses {
            let key = KeyStatus(address: address, spec: specs[address], entry: entries[address], live: snapshot.live,
                                refreshed: refreshed, now: now)
            keysByClient[address.client, default: []].append(key)
            byCondition[key.condition, default: 0] += 1
        }
        var usersByClient: [ClientID: [User]] = [:]
        for user in snapshot.manifest.users { usersByClient[user.client, default: []].append(user) }

        var declared: [ClientID: Client] = [:]
        for client in snapshot.manifest.clients { declared[client.id] = client }
        let clientIDs = Set(declared.keys).union(keysByClient.keys).sorted()
        var clients: [ClientStatus] = []
        clients.reserveCapacity(clientIDs.count)
        var totalCost: UsageWindows? = refreshed ? UsageWindows() : nil
        var totalBilled: UsageWindows? = refreshed ? UsageWindows() : nil
        for id in clientIDs {
            let keys = keysByClient[id] ?? []
            let client = declared[id]
            let markup = client?.markup ?? .one
            var limits = USD.zero
            var unlimited = 0
            var cost: UsageWindows? = refreshed ? UsageWindows() : nil
            for key in keys {
                if let keyCost = key.cost { cost = (cost ?? UsageWindows()) + keyCost }
                guard key.condition == .active || key.condition == .pending else { continue }
                if let limit = key.limit { limits += limit.times(key.reset?.windowsPerMonth ?? 1) } else { unlimited += 1 }
            }
            let billed = cost?.billed(at: markup)
            if let cost, let billed {
                totalCost = (totalCost ?? UsageWindows()) + cost
                totalBilled = (totalBilled ?? UsageWindows()) + billed
            }
            clients.append(ClientStatus(
                id: id, client: client, users: usersByClient[id] ?? [], keys: keys, markup: markup,
                keyLimitsPerMonth: limits, keysWithoutLimit: unlimited, cost: cost, billed: billed))
        }

        let unmanaged = snapshot.unmanaged.sorted { ($0.values.name, $0.hash) < ($1.values.name, $1.hash) }
        var unmanagedCost: UsageWindows?
        if refreshed { unmanagedCost = unmanaged.reduce(UsageWindows()) { $0 + $1.usage.credit } }
        let drift = snapshot.drift.sorted { ($0.address, $0.message) < ($1.address, $1.message) }

        self.init(
            now: now, refreshedAt: snapshot.refreshedAt,
            totals: StatusTotals(
                clients: clients.count, users: snapshot.manifest.users.count, keys: addresses.count,
                byCondition: byCondition, unmanaged: unmanaged.count, cost: totalCost, billed: totalBilled,
                unmanagedCost: unmanagedCost),
            clients: clients,
            attention: Self.attention(clients: clients, unmanaged: unmanaged, drift: drift, now: now, refreshed: refreshed),
            unmanaged: unmanaged, drift: drift)
    }

    private static func attention(clients: [ClientStatus], unmanaged: [LiveKey], drift: [DriftNote], now: Date,
                                  refreshed: Bool) -> [AttentionKind: [AttentionItem]] {
        var nearLimit: [(percent: Int, item: AttentionItem)] = []
        var expiring: [(date: Date, item: AttentionItem)] = []
        var rotation: [(date: Date, item: AttentionItem)] = []
        var unknown: [AttentionItem] = []
        let warnUntil = now.addingTimeInterval(expiryWarning)
        for client in clients {
            for key in client.keys where key.condition != .pending {
                if key.condition == .active, let percent = key.percentUsed, percent >= nearLimitPercent {
                    let message = "\(percent)% of its \(StatusFormat.limit(key.limit, reset: key.reset)) limit used "
                        + "(\(StatusFormat.money(key.spendInWindow)) spent, \(StatusFormat.money(key.remaining)) left)"
                    nearLimit.append((percent, AttentionItem(kind: .nearLimit, address: key.address, message: message)))
                }
                if let expiry = key.expiresAt, expiry <= warnUntil {
                    let verb = expiry <= now ? "expired on" : "expires on"
                    let message = "\(verb) \(StatusFormat.day(expiry)) (\(StatusFormat.relative(expiry, now: now)))"
                    expiring.append((expiry, AttentionItem(kind: .expiring, address: key.address, message: message)))
                }
                if let due = key.rotationDue, due <= now, let every = key.rotation?.every {
                    let message = "rotation was due on \(StatusFormat.day(due)) (\(StatusFormat.relative(due, now: now))); it rotates every \(every)"
                    rotation.append((due, AttentionItem(kind: .rotationDue, address: key.address, message: message)))
                }
                if key.secretStatus == .unknown {
                    unknown.append(AttentionItem(
                        kind: .unknownSecret, address: key.address,
                        message: "adopted from OpenRouter; keyplane does not hold its secret (rotate it to seal a new one)"))
                }
            }
        }
        var result: [AttentionKind: [AttentionItem]] = [:]
        result[.nearLimit] = nearLimit.sorted { ($1.percent, $0.item.address!) < ($0.percent, $1.item.address!) }.map(\.item)
        result[.expiring] = expiring.sorted { ($0.date, $0.item.address!) < ($1.date, $1.item.address!) }.map(\.item)
        result[.rotationDue] = rotation.sorted { ($0.date, $0.item.address!) < ($1.date, $1.item.address!) }.map(\.item)
        result[.drift] = drift.map { AttentionItem(kind: .drift, address: $0.address, message: $0.message) }
        result[.unmanaged] = unmanaged.map { key in
            var message = "on OpenRouter but not managed by keyplane; created \(StatusFormat.day(key.createdAt))"
            if refreshed { message += ", \(key.usage.credit.monthly) spent this month" }
            if key.values.disabled { message += ", disabled" }
            return AttentionItem(kind: .unmanaged, address: nil, unmanagedName: key.values.name, unmanagedHash: key.hash, message: message)
        }
        result[.unknownSecret] = unknown
        return result.filter { !$0.value.isEmpty }
    }
}
