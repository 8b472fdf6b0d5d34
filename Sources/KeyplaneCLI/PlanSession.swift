import ArgumentParser
import Domain
import Engine
import Foundation
import Manifest
import Plan
import SealedState

/// Gathers what a plan is computed from, in the order that keeps bad input harmless: the
/// manifests first (any error stops here, before any API call or state access), then the state,
/// then the live keys.
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
    func checkAddresses(_ options: PlanOptions, manifest: Manifest, state: OpenedState?) throws {
        let declared = Set(manifest.keys.map(\.address))
        let recorded = Set(state?.state.sortedEntries.map(\.address) ?? [])
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
    func openState() throws -> OpenedState? {
        let location = StateLocation(repository)
        guard location.store.exists else { return nil }
        return try location.open(credentials)
    }

    /// Computes the plan. With `refresh`, the live keys come from OpenRouter through a verified
    /// management key; without, the recorded state stands in for them.
    func plan(options: PlanOptions, refresh: Bool, adoptions: [KeyAddress: String] = [:]) async throws -> PlanDocument {
        let now = Clock.now()
        let (manifest, files) = try loadManifest(now: now)
        try refusePendingJournal()
        guard refresh || !adoptions.isEmpty else {
            return try plan(manifest: manifest, files: files, state: try openState(), live: nil, managementLabel: nil,
                            now: now, options: options, adoptions: adoptions)
        }
        let (state, live, managementLabel) = try await openStateWhileRefreshing()
        return try plan(manifest: manifest, files: files, state: state, live: live, managementLabel: managementLabel,
                        now: now, options: options, adoptions: adoptions)
    }

    /// Opens the state while the live keys are listed: the listing mostly waits on OpenRouter,
    /// and opening the state is work for the processor, so doing both at once saves the shorter.
    /// A state that cannot be opened wins over any refresh error, and stops the listing.
    func openStateWhileRefreshing() async throws -> (state: OpenedState?, live: [LiveKey], managementLabel: String?) {
        let listing = Task { () async throws -> (live: [LiveKey], managementLabel: String?) in
            let connection = try await APIConnection.open(api, root: repository.rootURL)
            do {
                let live = try await refreshLive(connection)
                await connection.close()
                return (live, connection.managementKeyLabel)
            } catch {
                await connection.close()
                throw error
            }
        }
        let state: OpenedState?
        do { state = try openState() } catch {
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
            return try await Refresh.liveKeys(using: connection.client)
        } catch {
            throw CommandFailure("cannot refresh the live keys from \(connection.target): \(error)")
        }
    }

    /// Assembles the plan from inputs already gathered.
    func plan(manifest: Manifest, files: [String], state: OpenedState?, live: [LiveKey]?, managementLabel: String?,
              now: Date, options: PlanOptions, adoptions: [KeyAddress: String] = [:]) throws -> PlanDocument {
        try checkAddresses(options, manifest: manifest, state: state)
        let binding = PlanBinding(
            manifests: try BindingDigests.manifests(files: files, root: repository.rootURL),
            stateLineage: state?.state.lineage, stateSerial: state?.state.serial,
            remoteKeys: try live.map(BindingDigests.remote))
        let input = PlanInput(
            manifest: manifest, prior: state?.state.sortedEntries ?? [], live: live, adoptions: adoptions,
            managementKeyLabel: managementLabel, now: now, options: options, binding: binding,
            toolVersion: KeyplaneVersion.current)
        return try PlanDocument(plan: Planner.plan(input))
    }
}
