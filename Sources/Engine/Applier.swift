import Domain
public import Foundation
import OpenRouterAPI
public import OpenRouterClient
public import Plan
public import SealedState

/// Carries out a plan's changes against OpenRouter, at most `parallelism` requests at a time.
/// Every new secret is sealed and flushed to the journal before the next step, so a crash never
/// loses one.
/// When a change fails, no new change starts; changes in flight finish, and the result says what
/// succeeded and what failed, so that the caller commits the successes and a rerun converges.
public struct Applier: Sendable {
    public let client: OpenRouterClient
    public let journal: ApplyJournal
    /// The opened state, used only to seal new secrets for the journal.
    public let sealer: OpenedState
    public let now: Date
    /// How many requests may be in flight at once. The client enforces it (the command opens the
    /// client with the same number); the applier keeps twice as many changes in progress, so that
    /// while some wait for their journal flush or are being sealed, the others keep every request
    /// slot busy.
    public let parallelism: Int

    public init(client: OpenRouterClient, journal: ApplyJournal, sealer: OpenedState, now: Date, parallelism: Int) {
        self.client = client
        self.journal = journal
        self.sealer = sealer
        self.now = now
        self.parallelism = max(1, parallelism)
    }

    /// Runs every change that does something, in plan order within the parallelism bound. A
    /// change starts only once every change it follows has succeeded; after a failure no new
    /// change starts, and the changes in flight finish.
    public func apply(_ plan: Plan, onFinished: @escaping @Sendable (ChangeEvent) -> Void = { _ in }) async -> ApplyResult {
        let changes = plan.actions
        let schedule = ChangeSchedule(changes)
        var outcomes: [Int: Result<Outcome, ChangeFailure>] = [:]
        await withTaskGroup(of: (Int, Result<Outcome, ChangeFailure>).self) { group in
            var schedule = schedule
            var running = 0
            var failed = false
            func launchReady() {
                while !failed, running < changesInProgress, let index = schedule.next() {
                    let change = changes[index]
                    running += 1
                    group.addTask {
                        do {
                            return (index, .success(try await self.carryOut(change)))
                        } catch let failure as ChangeFailure {
                            return (index, .failure(failure))
                        } catch {
                            return (index, .failure(ChangeFailure(message: "\(error)")))
                        }
                    }
                }
            }
            launchReady()
            while let (index, outcome) = await group.next() {
                running -= 1
                outcomes[index] = outcome
                switch outcome {
                case .success:
                    schedule.succeeded(index)
                    onFinished(ChangeEvent(change: changes[index], failure: nil))
                case .failure(let failure):
                    failed = true
                    onFinished(ChangeEvent(change: changes[index], failure: failure.message))
                }
                launchReady()
            }
        }
        var result = ApplyResult()
        for index in changes.indices {
            switch outcomes[index] {
            case .success(let outcome)?:
                result.succeeded.append(changes[index])
                result.applied += outcome.applied
                result.notes += outcome.notes
                result.answers += outcome.answers
            case .failure(let failure)?:
                result.failed.append((changes[index], failure.message))
            case nil:
                result.notStarted.append(changes[index])
            }
        }
        return result
    }

    /// Changes carried out at once: twice the request parallelism (see `parallelism`).
    var changesInProgress: Int { parallelism * 2 }

    /// What one change did: its effects on the state, notes for people, and the keys as
    /// OpenRouter's answers described them.
    struct Outcome {
        var applied: [AppliedChange] = []
        var notes: [String] = []
        var answers: [LiveKey] = []
    }

    struct ChangeFailure: Error {
        let message: String
    }

    /// Carries out one change, by the kind of resource it acts on.
    private func carryOut(_ change: PlanChange) async throws -> Outcome {
        switch change.resource {
        case .key(let address): try await carryOut(change, onKeyAt: address)
        case .workspace, .budget:
            // The planner does not make workspace or budget changes yet (issue 17 is in
            // progress); a plan file that holds one is refused here rather than half-applied.
            throw ChangeFailure(message: "this keyplane cannot apply \(change.kind) changes yet; nothing was done for \(change.resource)")
        }
    }

    private func carryOut(_ change: PlanChange, onKeyAt address: KeyAddress) async throws -> Outcome {
        switch change.action {
        case .create:
            return try await create(change, at: address, replacing: nil)
        case .replace:
            var outcome = try await create(change, at: address, replacing: change)
            if case .immediate = change.handover, let old = change.remoteID {
                try await delete(hash: old, address: address)
                outcome.applied.append(.deleted(address: address, subject: .predecessor, hash: old))
            }
            return outcome
        case .update:
            guard let hash = change.remoteID, let before = change.keyBefore, let after = change.keyAfter else { return Outcome() }
            let answer = try await update(hash: hash, from: before, to: after)
            return Outcome(applied: [.updated(address: address, values: after)], answers: answer.map { [LiveKey($0)] } ?? [])
        case .delete:
            if let hash = change.remoteID, change.before != nil {
                try await delete(hash: hash, address: address)
            }
            return Outcome(applied: [.deleted(address: address, subject: change.subject, hash: change.remoteID ?? "")])
        case .adopt:
            guard let hash = change.remoteID, let before = change.keyBefore, let after = change.keyAfter else { return Outcome() }
            try await update(hash: hash, from: before, to: after)
            let key = try await client.getKey(KeyHash(hash))
            return Outcome(applied: [.adopted(address: address, hash: hash, values: after, createdAt: key.createdAt.date)],
                           answers: [LiveKey(key)])
        case .noop:
            return Outcome()
        }
    }

    /// Creates the key for `change`. A create whose answer was lost is never blindly retried: the
    /// key is looked up by its marker; if it exists its secret is unknown, so it is deleted, and
    /// the create is made once more with a new marker.
    private func create(_ change: PlanChange, at address: KeyAddress, replacing: PlanChange?) async throws -> Outcome {
        guard let after = change.keyAfter else { return Outcome() }
        var notes: [String] = []
        let createdAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expiresAt = change.expiry.map { $0.date(createdAt: createdAt) } ?? after.expiresAt
        for attempt in 1...2 {
            let marker = CreationMarker.random()
            let name = "\(address) [\(marker)]"
            try await journal.append(.init(event: .intent, address: address, marker: marker.text))
            let request = CreateKeyRequest(
                name: name, limit: after.limit, limitReset: after.limitReset, includeBYOKInLimit: after.includeBYOKInLimit,
                expiresAt: expiresAt.map { APITimestamp($0) })
            switch try await client.createKey(request, marker: marker) {
            case .created(let response):
                let sealed = try sealer.sealForJournal(response.key, at: address)
                var created = after
                created.name = name
                created.expiresAt = response.data.expiresAt?.date ?? expiresAt
                try await journal.append(.init(
                    event: .created, address: address, marker: marker.text, hash: response.data.hash.rawValue,
                    values: created, sealedSecret: sealed, createdAt: createdAt))
                var answer = response.data
                if after.disabled {
                    answer = try await client.updateKey(response.data.hash, UpdateKeyRequest(disabled: true))
                }
                return Outcome(applied: [.created(address: address, hash: response.data.hash.rawValue, sealedSecret: sealed,
                                                  createdAt: createdAt, values: created, replacing: replacing)],
                               notes: notes, answers: [LiveKey(answer)])
            case .ambiguous(let ambiguous):
                let orphans = try await client.findKeys(marker: ambiguous.marker)
                for orphan in orphans {
                    try await delete(hash: orphan.hash.rawValue, address: address)
                }
                notes.append(orphans.isEmpty
                    ? "\(address): the create's answer was lost (\(ambiguous.reason)); no key carries its marker, so it was created again"
                    : "\(address): the create's answer was lost (\(ambiguous.reason)); the key it made was found by its marker and deleted, since its secret is unknown, and the key was created again")
                if attempt == 2 {
                    throw ChangeFailure(message: "two creates in a row lost their answers; nothing was left behind; run apply again")
                }
            }
        }
        return Outcome(notes: notes)
    }

    /// Sends the fields that differ; returns OpenRouter's answer, or nil when nothing differed.
    @discardableResult
    private func update(hash: String, from before: KeyValues, to after: KeyValues) async throws -> APIKey? {
        let fields = after.differences(from: before, including: KeyValues.mutableFields)
        guard !fields.isEmpty else { return nil }
        var request = UpdateKeyRequest()
        for field in fields {
            switch field {
            case .name: request.name = after.name
            case .limit: request.limit = after.limit.map { .set($0) } ?? .clear
            case .limitReset: request.limitReset = after.limitReset.map { .set($0) } ?? .clear
            case .includeBYOKInLimit: request.includeBYOKInLimit = after.includeBYOKInLimit
            case .disabled: request.disabled = after.disabled
            case .expiresAt: break
            }
        }
        return try await client.updateKey(KeyHash(hash), request)
    }

    private func delete(hash: String, address: KeyAddress) async throws {
        do {
            try await client.deleteKey(KeyHash(hash))
        } catch OpenRouterClientError.keyNotFound {
            // Already gone: the goal of a delete.
        }
        try await journal.append(.init(event: .deleted, address: address, hash: hash))
    }
}

/// Which changes may start: those whose `follows` all succeeded, in plan order as they become
/// ready. A change that follows a resource with no change in the plan does not wait for it.
/// Linear in the changes and their dependencies: an apply of 10,000 keys asks it 10,000 times.
struct ChangeSchedule {
    /// Changes ready to start, in the order they became ready; `head` is the next to hand out.
    private var ready: [Int] = []
    private var head = 0
    /// For each change, how many of the changes it follows have not succeeded yet.
    private var waiting: [Int]
    /// For each change, the changes that follow it.
    private var dependents: [[Int]]

    init(_ changes: [PlanChange]) {
        var byResource: [ResourceAddress: [Int]] = [:]
        for (index, change) in changes.enumerated() {
            byResource[change.resource, default: []].append(index)
        }
        waiting = Array(repeating: 0, count: changes.count)
        dependents = Array(repeating: [], count: changes.count)
        for (index, change) in changes.enumerated() {
            for resource in change.follows {
                for before in byResource[resource] ?? [] where before != index {
                    waiting[index] += 1
                    dependents[before].append(index)
                }
            }
        }
        ready = changes.indices.filter { waiting[$0] == 0 }
    }

    /// The next change that may start; nil when none may start now.
    mutating func next() -> Int? {
        guard head < ready.count else { return nil }
        head += 1
        return ready[head - 1]
    }

    /// Records that a change succeeded, which may make the changes that follow it ready.
    mutating func succeeded(_ index: Int) {
        for dependent in dependents[index] {
            waiting[dependent] -= 1
            if waiting[dependent] == 0 { ready.append(dependent) }
        }
    }
}
