import ArgumentParser
import Domain
import Engine
import Foundation
import Manifest
import Parallel
import Plan
import SealedState

/// Gathers what a plan is computed from, in the order that keeps bad input harmless: the
/// manifests first (any error stops here, before any API call; the state is only read meanwhile),
/// then the state, then the live keys.
struct PlanSession {
    let repository: RepositoryOptions
    let credentials: CredentialOptions
    let api: APIOptions

    /// The manifests, with diagnostics printed to stderr; throws exit code 1 on any error.
    func loadManifest(now: Date) throws -> (manifest: Manifest, files: [String]) {
        let result = ManifestLoader.load(path: repository.manifestsPath, now: now)
        var standardError = StandardError()
        for diagnostic in result.diagnostics { print(diagnostic, to: &standardError) }
        guard let manifest = result.manifest else {
            print("keyplane: the manifests have \(Plural.count(result.errors.count, "error")); fix them first (keyplane validate \(repository.manifestsPath))", to: &standardError)
            throw ExitCode(1)
        }
        return (manifest, result.files)
    }

    /// `--target` and `--replace` must name keys that exist: a typo would otherwise plan nothing
    /// and look like success.
    func checkAddresses(_ options: PlanOptions, manifest: Manifest, state: PriorState?) throws {
        guard !options.targets.isEmpty || !options.replace.isEmpty else { return }
        let declared = Set(manifest.keys.map(\.address))
        let recorded = Set(state?.sortedEntries.map(\.address) ?? [])
        for address in options.targets.sorted() where !declared.contains(address) && !recorded.contains(address) {
            throw CommandFailure("--target \(address): no key has this address in the manifests or the state")
        }
        for address in options.replace.sorted() {
            guard declared.contains(address) else {
                throw CommandFailure("--replace \(address): no key with this address is declared in the manifests")
            }
            guard recorded.contains(address) else {
                throw CommandFailure("--replace \(address): this key has not been created yet, so there is nothing to replace")
            }
        }
    }

    /// Apply's write-ahead journal, present only while an apply runs or after one was interrupted.
    var journalURL: URL {
        repository.rootURL.appendingPathComponent(APIConnection.embeddedFolder).appendingPathComponent("journal.jsonl")
    }

    /// A plan made while an interrupted apply's journal is pending would not know the keys that
    /// run created, and would create them again: refuse, and say how to recover.
    func refusePendingJournal() throws {
        guard FileManager.default.fileExists(atPath: journalURL.path) else { return }
        throw CommandFailure("""
            an interrupted apply left its journal in \(APIConnection.embeddedFolder)/journal.jsonl: the keys it created are \
            not in the state yet, so a plan now would be wrong. Run `keyplane apply` to recover them first (after \
            `keyplane unlock` if that run's lock is still held); it shows what it recovered and commits it.
            """)
    }

    /// The state, opened and verified, or nil when the repository has none yet.
    func openState() throws -> PriorState? {
        let location = StateLocation(repository)
        guard location.store.exists else { return nil }
        return PriorState(try location.open(credentials))
    }

    /// The state as opened, to plan from, with its entries in address order. Sorting 10,000
    /// entries takes a noticeable time, so it is done on the task that opens the state, while the
    /// manifests load and the live keys are listed, rather than once everything is there. A plan
    /// never writes the state, so this copy drops what is kept to speed up writes.
    struct PriorState: Sendable {
        var opened: OpenedState
        var sortedEntries: [StateEntry]

        init(_ opened: OpenedState) {
            self.opened = opened
            self.opened.forgetFileCopies()
            sortedEntries = opened.state.sortedEntries
        }
    }

    /// Computes the plan. With `refresh`, the live keys come from OpenRouter through a verified
    /// management key; without, the recorded state stands in for them.
    func plan(options: PlanOptions, refresh: Bool, adoptions: [KeyAddress: String] = [:]) async throws -> PlanDocument {
        let now = Clock.now()
        let (manifest, files, opening) = try await loadManifestWhileOpeningState(now: now)
        do { try refusePendingJournal() } catch {
            _ = try? await opening.value
            throw error
        }
        guard refresh || !adoptions.isEmpty else {
            return try plan(manifest: manifest, files: files, state: try await opening.value, live: nil, managementLabel: nil,
                            now: now, options: options, adoptions: adoptions)
        }
        let (state, live, managementLabel) = try await refreshing(while: opening)
        KeptUntilExit.keep(Inputs(manifest: manifest, state: state, live: live))
        return try plan(manifest: manifest, files: files, state: state, live: live, managementLabel: managementLabel,
                        now: now, options: options, adoptions: adoptions)
    }

    /// What a plan was computed from, kept until the process exits (see `KeptUntilExit`).
    struct Inputs: Sendable {
        var manifest: Manifest
        var state: PriorState?
        var live: [LiveKey]?
    }

    /// Loads the manifests while the state is opened on other cores: both only read, and both are
    /// work for the processor. The manifests' errors are reported first, as if the state had not
    /// been touched; the state's own refusal comes from awaiting the returned task.
    func loadManifestWhileOpeningState(now: Date) async throws
        -> (manifest: Manifest, files: [String], state: Task<PriorState?, any Error>) {
        let opening = Task.detached { try openState() }
        do {
            let (manifest, files) = try loadManifest(now: now)
            return (manifest, files, opening)
        } catch {
            _ = try? await opening.value
            throw error
        }
    }

    /// Lists the live keys while the state is still being opened. A state that cannot be opened
    /// wins over any refresh error, and stops the listing.
    func refreshing(while opening: Task<PriorState?, any Error>) async throws
        -> (state: PriorState?, live: [LiveKey], managementLabel: String?) {
        let listing = Task { () async throws -> (live: [LiveKey], managementLabel: String?) in
            let connection = try await APIConnection.open(api, root: repository.rootURL, prefetchingFirstPage: true)
            do {
                let live = try await refreshLive(connection)
                await connection.close()
                return (live, connection.managementKeyLabel)
            } catch {
                await connection.close()
                throw error
            }
        }
        let state: PriorState?
        do { state = try await opening.value } catch {
            listing.cancel()
            _ = try? await listing.value
            throw error
        }
        let (live, managementLabel) = try await listing.value
        return (state, live, managementLabel)
    }

    /// Every live key, with the failure put in words.
    func refreshLive(_ connection: APIConnection) async throws -> [LiveKey] {
        do {
            return try await Refresh.liveKeys(using: connection.client, firstPage: connection.firstPage)
        } catch {
            throw CommandFailure("cannot refresh the live keys from \(connection.target): \(error)")
        }
    }

    /// Assembles the plan from inputs already gathered.
    func plan(manifest: Manifest, files: [String], state: PriorState?, live: [LiveKey]?, managementLabel: String?,
              now: Date, options: PlanOptions, adoptions: [KeyAddress: String] = [:]) throws -> PlanDocument {
        try checkAddresses(options, manifest: manifest, state: state)
        let lineage = state?.opened.state.lineage, serial = state?.opened.state.serial, root = repository.rootURL
        let unbound = PlanBinding(manifests: [:], stateLineage: lineage, stateSerial: serial, remoteKeys: nil)
        let input = PlanInput(
            manifest: manifest, prior: state?.sortedEntries ?? [], live: live, adoptions: adoptions,
            managementKeyLabel: managementLabel, now: now, options: options, binding: unbound,
            toolVersion: KeyplaneVersion.current)
        // The planner only carries the binding over into the plan, so the binding's digests (of
        // every manifest file and every live key) are taken on another core while it runs.
        var (plan, binding) = try ParallelWork.both({ Planner.plan(input) }) {
            PlanBinding(manifests: try BindingDigests.manifests(files: files, root: root), stateLineage: lineage,
                        stateSerial: serial, remoteKeys: try live.map(BindingDigests.remote))
        }
        plan.binding = binding
        return try PlanDocument(plan: plan)
    }
}
