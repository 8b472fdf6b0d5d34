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
    /// Called with one line per finished change, for progress output.
    public let progress: @Sendable (String) -> Void

    public init(client: OpenRouterClient, journal: ApplyJournal, sealer: OpenedState, now: Date, parallelism: Int,
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.client = client
        self.journal = journal
        self.sealer = sealer
        self.now = now
        self.parallelism = max(1, parallelism)
        self.progress = progress
    }

    /// Runs every change that does something, in address order within the parallelism bound.
    public func apply(_ plan: Plan) async -> ApplyResult {
        let changes = plan.actions
        var result = ApplyResult()
        var outcomes: [(index: Int, outcome: Result<Outcome, ChangeFailure>)] = []
        await withTaskGroup(of: (Int, Result<Outcome, ChangeFailure>).self) { group in
            var next = 0
            var failed = false
            func launch() {
                let index = next
                let change = changes[index]
                next += 1
                group.addTask {
                    do {
                        return (index, .success(try await self.carryOut(change)))
                    } catch let failure as ChangeFailure {
                        return (index, .failure(failure))
                    } catch {
                        return (index, .failure(ChangeFailure(address: change.address, message: "\(error)")))
                    }
                }
            }
            while next < changes.count && next < changesInProgress { launch() }
            while let (index, outcome) = await group.next() {
                outcomes.append((index, outcome))
                switch outcome {
                case .success:
                    progress("\(ValueSymbols.done(changes[index])) \(changes[index].address): \(ValueSymbols.pastTense(changes[index]))")
                case .failure(let failure):
                    failed = true
                    progress("✗ \(failure.address): \(failure.message)")
                }
                if !failed && next < changes.count { launch() }
            }
        }
        for (_, outcome) in outcomes.sorted(by: { $0.index < $1.index }) {
            switch outcome {
            case .success(let outcome):
                result.applied += outcome.applied
                result.notes += outcome.notes
                result.answers += outcome.answers
            case .failure(let failure):
                result.failures.append((failure.address, failure.message))
            }
        }
        let started = outcomes.count
        if started < changes.count {
            result.notes.append("\(changes.count - started) change\(changes.count - started == 1 ? " was" : "s were") not started after a failure; run apply again to carry them out")
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
        let address: KeyAddress
        let message: String
    }

    private func carryOut(_ change: PlanChange) async throws -> Outcome {
        switch change.action {
        case .create:
            return try await create(change, replacing: nil)
        case .replace:
            var outcome = try await create(change, replacing: change)
            if case .immediate = change.handover, let old = change.hash {
                try await delete(hash: old, address: change.address)
                outcome.applied.append(.deleted(address: change.address, subject: .predecessor, hash: old))
            }
            return outcome
        case .update:
            guard let hash = change.hash, let before = change.before, let after = change.after else { return Outcome() }
            let answer = try await update(hash: hash, from: before, to: after, address: change.address)
            return Outcome(applied: [.updated(address: change.address, values: after)], answers: answer.map { [LiveKey($0)] } ?? [])
        case .delete:
            if let hash = change.hash, change.before != nil {
                try await delete(hash: hash, address: change.address)
            }
            return Outcome(applied: [.deleted(address: change.address, subject: change.subject, hash: change.hash ?? "")])
        case .adopt:
            guard let hash = change.hash, let before = change.before, let after = change.after else { return Outcome() }
            try await update(hash: hash, from: before, to: after, address: change.address)
            let key = try await client.getKey(KeyHash(hash))
            return Outcome(applied: [.adopted(address: change.address, hash: hash, values: after, createdAt: key.createdAt.date)],
                           answers: [LiveKey(key)])
        case .noop:
            return Outcome()
        }
    }

    /// Creates the key for `change`. A create whose answer was lost is never blindly retried: the
    /// key is looked up by its marker; if it exists its secret is unknown, so it is deleted, and
    /// the create is made once more with a new marker.
    private func create(_ change: PlanChange, replacing: PlanChange?) async throws -> Outcome {
        guard let after = change.after else { return Outcome() }
        var notes: [String] = []
        let createdAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expiresAt = change.expiry.map { $0.date(createdAt: createdAt) } ?? after.expiresAt
        for attempt in 1...2 {
            let marker = CreationMarker.random()
            let name = "\(change.address) [\(marker)]"
            try await journal.append(.init(event: .intent, address: change.address, marker: marker.text))
            let request = CreateKeyRequest(
                name: name, limit: after.limit, limitReset: after.limitReset, includeBYOKInLimit: after.includeBYOKInLimit,
                expiresAt: expiresAt.map { APITimestamp($0) })
            switch try await client.createKey(request, marker: marker) {
            case .created(let response):
                let sealed = try sealer.sealForJournal(response.key, at: change.address)
                try await journal.append(.init(
                    event: .created, address: change.address, marker: marker.text, hash: response.data.hash.rawValue,
                    name: name, sealedSecret: sealed, createdAt: createdAt, expiresAt: response.data.expiresAt?.date ?? expiresAt))
                var answer = response.data
                if after.disabled {
                    answer = try await client.updateKey(response.data.hash, UpdateKeyRequest(disabled: true))
                }
                return Outcome(applied: [.created(address: change.address, hash: response.data.hash.rawValue, name: name, sealedSecret: sealed,
                                  createdAt: createdAt, expiresAt: response.data.expiresAt?.date ?? expiresAt,
                                  values: KeyValues(name: name, limit: after.limit, limitReset: after.limitReset,
                                                    includeBYOKInLimit: after.includeBYOKInLimit, disabled: after.disabled,
                                                    expiresAt: response.data.expiresAt?.date ?? expiresAt),
                                  replacing: replacing)], notes: notes, answers: [LiveKey(answer)])
            case .ambiguous(let ambiguous):
                let orphans = try await client.findKeys(marker: ambiguous.marker)
                for orphan in orphans {
                    try await delete(hash: orphan.hash.rawValue, address: change.address)
                }
                notes.append(orphans.isEmpty
                    ? "\(change.address): the create's answer was lost (\(ambiguous.reason)); no key carries its marker, so it was created again"
                    : "\(change.address): the create's answer was lost (\(ambiguous.reason)); the key it made was found by its marker and deleted, since its secret is unknown, and the key was created again")
                if attempt == 2 {
                    throw ChangeFailure(address: change.address, message: "two creates in a row lost their answers; nothing was left behind; run apply again")
                }
            }
        }
        return Outcome(notes: notes)
    }

    /// Sends the fields that differ; returns OpenRouter's answer, or nil when nothing differed.
    @discardableResult
    private func update(hash: String, from before: KeyValues, to after: KeyValues, address: KeyAddress) async throws -> APIKey? {
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

/// Words and symbols for progress lines.
enum ValueSymbols {
    static func done(_ change: PlanChange) -> String {
        switch change.action {
        case .create: "+"
        case .update: "~"
        case .replace: "±"
        case .delete: "-"
        case .adopt: "<"
        case .noop: " "
        }
    }

    static func pastTense(_ change: PlanChange) -> String {
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
}
