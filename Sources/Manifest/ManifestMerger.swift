import Domain
import Foundation

/// Merges the fragments of every file into one `Manifest` and runs the checks that need the whole
/// picture: duplicate ids, references between files, policy bounds and monthly caps.
struct ManifestMerger {
    let sink: DiagnosticSink
    let now: Date

    func merge(_ fragments: [ManifestFragment]) -> Manifest {
        let policy = mergePolicy(fragments)

        var clients: [ClientID: DeclaredClient] = [:]
        for declared in fragments.flatMap(\.clients) {
            if let first = clients[declared.client.id] {
                sink.error(declared.client.location, "duplicate client id '\(declared.client.id)'; it is already declared at \(first.client.location)")
            } else {
                clients[declared.client.id] = declared
            }
        }
        // Two clients in one workspace would share its budgets; OpenRouter's slugs are unique.
        var slugs: [String: ClientID] = [:]
        for id in clients.keys.sorted() {
            guard let slug = clients[id]?.client.workspace.values?.slug else { continue }
            if let other = slugs[slug] {
                sink.error(clients[id]!.client.location, "client '\(id)' has the workspace slug '\(slug)', which client '\(other)' already has; each client needs a workspace of its own (or workspace: default)")
            } else {
                slugs[slug] = id
            }
        }
        // Only a wrong reference needs these, for its suggestion.
        func clientNames() -> [String] { clients.keys.map(\.rawValue).sorted() }
        let invalidClients = fragments.reduce(into: Set<ClientID>()) { $0.formUnion($1.invalidClientIDs) }

        let declaredUserCount = fragments.reduce(0) { $0 + $1.users.count }
        var users: [UserID: User] = [:]
        users.reserveCapacity(declaredUserCount)
        var userOrder: [User] = []  // declaration order, close to sorted
        userOrder.reserveCapacity(declaredUserCount)
        for declared in fragments.lazy.flatMap(\.users) {
            if let first = users[declared.id] {
                sink.error(declared.location, "duplicate user id '\(declared.id)'; it is already declared at \(first.location)")
                continue
            }
            guard let client = declared.client, let email = declared.email else { continue }
            guard clients[client.id] != nil else {
                if invalidClients.contains(client.id) { continue }
                sink.error(client.location, "user '\(declared.id)' refers to client '\(client.id)', which is not declared\(Suggestion.hint(for: client.id.rawValue, in: clientNames()))")
                continue
            }
            let user = User(id: declared.id, email: email, client: client.id, displayName: declared.displayName, location: declared.location)
            users[declared.id] = user
            userOrder.append(user)
        }
        let declaredUserIDs = Set(fragments.flatMap(\.users).map(\.id))
        func userNames() -> [String] { declaredUserIDs.map(\.rawValue).sorted() }

        // Keys are kept in declaration order, which is close to address order, so the final sort
        // has little to do; the dictionary only finds duplicates.
        // The fragments are walked lazily: flattening them first would copy every declared key.
        let declaredKeyCount = fragments.reduce(0) { $0 + $1.keys.count }
        var keys: [KeySpec] = []
        keys.reserveCapacity(declaredKeyCount)
        var keyLocations: [KeyAddress: SourceLocation] = [:]
        keyLocations.reserveCapacity(declaredKeyCount)
        for declared in fragments.lazy.flatMap(\.keys) {
            let address: KeyAddress
            switch declared.owner {
            case .client(let reference):
                guard clients[reference.id] != nil else {
                    if invalidClients.contains(reference.id) { continue }
                    sink.error(reference.location, "key '\(declared.name)' refers to client '\(reference.id)', which is not declared\(Suggestion.hint(for: reference.id.rawValue, in: clientNames()))")
                    continue
                }
                address = KeyAddress(client: reference.id, name: declared.name)
            case .user(let reference):
                guard let user = users[reference.id] else {
                    // A declared user with a broken client has been reported already.
                    if !declaredUserIDs.contains(reference.id) {
                        sink.error(reference.location, "key '\(declared.name)' refers to user '\(reference.id)', which is not declared\(Suggestion.hint(for: reference.id.rawValue, in: userNames()))")
                    }
                    continue
                }
                address = KeyAddress(client: user.client, user: user.id, name: declared.name)
            }
            if let first = keyLocations[address] {
                sink.error(declared.location, "duplicate key '\(address)'; it is already declared at \(first)")
                continue
            }
            guard let settings = settings(for: declared, address: address, policy: policy) else { continue }
            keyLocations[address] = declared.location
            keys.append(KeySpec(address: address, settings: settings, location: declared.location))
        }

        checkMonthlyCaps(clients: clients, keys: keys)
        return Manifest(policy: policy, clients: clients.values.map(\.client), users: userOrder, keys: keys)
    }

    private func mergePolicy(_ fragments: [ManifestFragment]) -> Policy {
        let declared = fragments.compactMap(\.policy)
        for extra in declared.dropFirst() {
            sink.error(extra.location, "policy is already declared at \(declared[0].location); a repository has one policy")
        }
        var policy = Policy()
        guard let first = declared.first else { return policy }
        if let value = first.defaultExpiry { policy.defaultExpiry = value }
        if let value = first.maximumExpiry { policy.maximumExpiry = value }
        if let value = first.defaultReset { policy.defaultReset = value }
        if policy.defaultExpiry > policy.maximumExpiry {
            sink.error(first.location, "default_expiry \(policy.defaultExpiry) is longer than max_expiry \(policy.maximumExpiry)")
        }
        return policy
    }

    private func settings(for key: DeclaredKey, address: KeyAddress, policy: Policy) -> KeySettings? {
        let expiry = key.expiry?.value ?? .after(policy.defaultExpiry)
        if let (value, location) = key.expiry {
            switch value {
            case .after(let period) where period > policy.maximumExpiry:
                sink.error(location, "expires \(period) is longer than the maximum expiry of \(policy.maximumExpiry) set by policy")
                return nil
            case .at(let date) where date <= now:
                sink.error(location, "expires \(ManifestDate.format(date)) is in the past")
                return nil
            case .at(let date) where date.timeIntervalSince(now) > policy.maximumExpiry.timeInterval:
                let latest = ManifestDate.formatDay(now.addingTimeInterval(policy.maximumExpiry.timeInterval))
                sink.error(location, "expires \(ManifestDate.format(date)) is beyond the maximum expiry of \(policy.maximumExpiry) set by policy (latest allowed today: \(latest))")
                return nil
            default:
                break
            }
        }
        if let (rotation, location) = key.rotation, case .after(let lifetime) = expiry, rotation.every >= lifetime {
            sink.warning(location, "key '\(address)' expires after \(lifetime), before its rotation every \(rotation.every) is due")
        }
        return KeySettings(
            limit: key.limit ?? nil,
            reset: key.reset ?? policy.defaultReset,
            includeBYOKInLimit: key.includeBYOKInLimit ?? false,
            expiry: expiry,
            disabled: key.disabled ?? false,
            rotation: key.rotation?.value,
            protect: key.protect ?? false,
            labels: key.labels)
    }

    /// Warns when a client's active keys could together spend more in one calendar month than its
    /// cap. A daily limit counts 31 times and a weekly one 5 times, the most windows a month can touch.
    private func checkMonthlyCaps(clients: [ClientID: DeclaredClient], keys: [KeySpec]) {
        var perClient: [ClientID: (total: USD, unlimited: [KeyAddress])] = [:]
        for spec in keys where !spec.settings.disabled {
            var entry = perClient[spec.address.client] ?? (.zero, [])
            if let limit = spec.settings.limit {
                entry.total += limit.times(spec.settings.reset?.windowsPerMonth ?? 1)
            } else {
                entry.unlimited.append(spec.address)
            }
            perClient[spec.address.client] = entry
        }
        for (id, declared) in clients {
            guard let cap = declared.client.monthlyCap, let entry = perClient[id] else { continue }
            let location = declared.monthlyCapLocation ?? declared.client.location
            if let first = entry.unlimited.sorted().first {
                sink.warning(location, "client '\(id)' has a monthly_cap of \(cap), but key '\(first)'\(entry.unlimited.count > 1 ? " and \(entry.unlimited.count - 1) more have" : " has") no limit")
            } else if entry.total > cap {
                sink.warning(location, "the keys of client '\(id)' can spend up to \(entry.total) a month, more than its monthly_cap of \(cap) (a daily limit counts 31 times, a weekly one 5 times)")
            }
        }
    }
}
