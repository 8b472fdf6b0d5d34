import Domain
import Foundation
import Git
import OpenRouterAPI
import OpenRouterSimulator
import TestSupport
import Testing

@Suite("plan and apply, end to end against the simulator")
struct PlanApplyTests {
    @Test("create, update, replace, delete and adopt, after which plan --detailed-exitcode returns 0")
    func fullCycle() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }

        let created = try await workspace.run(["apply", "--auto-approve"])
        #expect(created.exitCode == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Plan: 4 to create, 0 to update, 0 to replace, 0 to delete."))
        #expect(await workspace.liveKeys().count == 4)
        let head = try workspace.repository.commit(try #require(try workspace.repository.head()))
        #expect(head.subject == "keyplane apply: 4 created")
        #expect(head.trailers.map(\.key) == ["Keyplane-Plan", "Keyplane-Version"])
        #expect(head.author.name == "Test Operator")
        #expect(try workspace.repository.contents(at: "STATUS.md", in: head.id) != nil)
        #expect(try await workspace.run(["plan", "--detailed-exitcode"]).exitCode == 0)

        // Update in place.
        try workspace.editManifest { $0.replacingOccurrences(of: "limit: 20", with: "limit: 10") }
        let updatePlan = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(updatePlan.exitCode == 2)
        #expect(updatePlan.stdout.contains("~ acme/batch  update in place"))
        #expect(updatePlan.stdout.contains("limit                 $20.00 → $10.00"))
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        #expect(await workspace.liveKeys().first { $0.name.hasPrefix("acme/batch") }?.limit == USD(decimal: "10"))

        // Replace: the expiry cannot change in place.
        let oldHash = try #require(await workspace.liveKeys().first { $0.name.hasPrefix("acme/batch") }?.hash)
        try workspace.editManifest { $0.replacingOccurrences(of: "expires: 90d", with: "expires: 60d") }
        let replacePlan = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(replacePlan.exitCode == 2)
        #expect(replacePlan.stdout.contains("-/+ acme/batch  replace (a new secret will be issued)"))
        #expect(replacePlan.stdout.contains("OpenRouter cannot change a key's expiry"))
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        let batch = await workspace.liveKeys().filter { $0.name.hasPrefix("acme/batch") }
        #expect(batch.count == 1)
        #expect(batch.first?.hash != oldHash)
        let secret = try await workspace.run(["secrets", "get", "acme/batch"])
        #expect(secret.exitCode == 0)
        #expect(try KeyMaterial.hash(of: secret.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == batch.first?.hash)

        // Delete.
        try workspace.editManifest { text in
            let start = text.range(of: "  - name: batch")!.lowerBound
            let end = text.range(of: "users:")!.lowerBound
            return String(text[..<start]) + String(text[end...])
        }
        let deletePlan = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(deletePlan.exitCode == 2)
        #expect(deletePlan.stdout.contains("- acme/batch  delete"))
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        #expect(await workspace.liveKeys().count == 3)

        // Adopt: a key made outside keyplane is listed as unmanaged, then imported by hash.
        let outside = try await workspace.harness.state.create(CreateKeyRequest(
            name: "hand-made", limit: USD(decimal: "7"),
            expiresAt: APITimestamp(Date(timeIntervalSince1970: 1_830_211_200))))  // 2027-12-31T00:00:00Z
        let unmanagedPlan = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(unmanagedPlan.exitCode == 0)
        #expect(unmanagedPlan.stdout.contains("Unmanaged keys"))
        #expect(unmanagedPlan.stdout.contains("\"hand-made\""))
        try workspace.editManifest { $0.replacingOccurrences(of: "users:", with: "  - name: legacy\n    client: acme\n    limit: 7\n    reset: none\n    expires: 2027-12-31\nusers:") }
        // Without a terminal the import asks for approval by naming the import, which adopts,
        // never `apply --auto-approve`, which would create a second key instead.
        let unapproved = try await workspace.run(["import", "acme/legacy", outside.data.hash.rawValue])
        #expect(unapproved.exitCode == 1)
        #expect(unapproved.stderr.contains("run `keyplane import acme/legacy \(outside.data.hash.rawValue) --auto-approve`"),
                "\(unapproved.stderr)")
        #expect(!unapproved.stderr.contains("keyplane apply --auto-approve"))
        #expect(await workspace.liveKeys().count == 4, "nothing was created or adopted")
        let adopted = try await workspace.run(["import", "acme/legacy", outside.data.hash.rawValue, "--auto-approve"])
        #expect(adopted.exitCode == 0, "\(adopted.stderr)")
        #expect(adopted.stdout.contains("acme/legacy  adopt (secret unknown)"))
        #expect(await workspace.liveKeys().count == 4)
        let listing = try await workspace.run(["secrets", "list"])
        #expect(listing.stdout.contains("acme/legacy"))

        let final = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(final.exitCode == 0, "\(final.stdout)")
    }

    @Test("a regular key or an unknown one in OPENROUTER_MANAGEMENT_KEY is refused by plan, whatever the listing answered")
    func planRefusesAKeyThatIsNotAManagementKey() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let regular = try await workspace.harness.state.create(CreateKeyRequest(name: "inference"))
        let withRegular = try await workspace.run(["plan"], extraEnvironment: ["OPENROUTER_MANAGEMENT_KEY": regular.key.revealed])
        #expect(withRegular.exitCode == 1)
        #expect(withRegular.stderr.contains("this is a regular (inference) key"), "\(withRegular.stderr)")
        let unknown = try await workspace.run(["plan"], extraEnvironment: ["OPENROUTER_MANAGEMENT_KEY": "sk-or-v1-" + String(repeating: "0", count: 64)])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("the management key was rejected"), "\(unknown.stderr)")
        #expect(!(withRegular.combined + unknown.combined).contains(regular.key.revealed))
    }

    @Test("the STATUS.md apply writes from OpenRouter's answers equals what a fresh `keyplane status` lists")
    func statusAfterApplyMatchesAFreshRefresh() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let moment = ["KEYPLANE_NOW": "2026-11-22T09:00:00Z"]
        let edits: [(String) -> String] = [
            { $0 },  // create everything
            { $0.replacingOccurrences(of: "limit: 20", with: "limit: 10") },  // update in place
            { $0.replacingOccurrences(of: "expires: 90d", with: "expires: 60d") },  // replace
            { text in  // delete
                let start = text.range(of: "  - name: batch")!.lowerBound
                let end = text.range(of: "users:")!.lowerBound
                return String(text[..<start]) + String(text[end...])
            },
        ]
        for edit in edits {
            try workspace.editManifest(edit)
            let apply = try await workspace.run(["apply", "--auto-approve"], extraEnvironment: moment)
            #expect(apply.exitCode == 0, "\(apply.stderr)")
            let fresh = try await workspace.run(["status"], extraEnvironment: moment)
            #expect(fresh.exitCode == 0, "\(fresh.stderr)")
            #expect(try workspace.folder.read("STATUS.md") == fresh.stdout)
        }
    }

    @Test("drift is shown apart from changes and put back; usage is never drift")
    func driftIsPutBack() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        let staging = try #require(await workspace.liveKeys().first { $0.name.hasPrefix("acme/staging") })
        _ = try await workspace.harness.state.update(staging.hash, UpdateKeyRequest(limit: .set(USD(decimal: "50")!)))
        _ = try await workspace.harness.state.recordSpend(on: staging.hash, amount: USD(decimal: "2")!, byok: false)

        let plan = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.stdout.contains("Drift (changed outside keyplane; the plan below puts it back):\n  acme/staging: limit changed outside keyplane: $5.00 → $50.00"))
        #expect(plan.stdout.contains("# limit was changed outside keyplane and is put back"))
        #expect(!plan.stdout.contains("usage"))
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        #expect(await workspace.liveKeys().first { $0.hash == staging.hash }?.limit == USD(decimal: "5"))
    }

    @Test("a protected production key is not deleted, and each guard says why")
    func guardsRefuse() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        try workspace.editManifest { text in
            let start = text.range(of: "  - name: prod")!.lowerBound
            let end = text.range(of: "  - name: staging")!.lowerBound
            return String(text[..<start]) + String(text[end...])
        }
        for format in ["text", "markdown", "json"] {
            let plan = try await workspace.run(["plan", "--detailed-exitcode", "--format", format])
            #expect(plan.exitCode == 1)
            #expect(plan.stdout.contains("protected-key"))
            #expect(plan.stdout.contains("last-production-key"))
        }
        let apply = try await workspace.run(["apply", "--auto-approve"])
        #expect(apply.exitCode == 1)
        #expect(apply.stderr.contains("is protected and would be deleted"))
        #expect(await workspace.liveKeys().count == 4)
    }

    @Test("widening spend is flagged in text, markdown and JSON")
    func wideningIsFlagged() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        try workspace.editManifest {
            $0.replacingOccurrences(of: "limit: 100\n    reset: monthly", with: "limit: 150\n    reset: weekly")
                .replacingOccurrences(of: "limit: 20", with: "limit: none")
        }
        let text = try await workspace.run(["plan"]).stdout
        #expect(text.contains("widens spend: limit raised from $100.00 to $150.00"))
        #expect(text.contains("widens spend: limit resets weekly instead of monthly"))
        #expect(text.contains("widens spend: limit of $20.00 removed"))
        let markdown = try await workspace.run(["plan", "--format", "markdown"]).stdout
        #expect(markdown.contains("**Widening spend**"))
        #expect(markdown.contains("`acme/prod`: limit raised from $100.00 to $150.00"))
        #expect(markdown.contains("`acme/batch`: limit of $20.00 removed"))
        let json = try await workspace.run(["plan", "--format", "json"]).stdout
        #expect(json.contains("\"higherLimit\""))
        #expect(json.contains("\"limitRemoved\""))
        #expect(json.contains("\"shorterWindow\""))
    }

    @Test("--detailed-exitcode is 1 for broken manifests, and no API call is made")
    func brokenManifestExitsOne() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        try workspace.editManifest { $0.replacingOccurrences(of: "limit: 5", with: "limit: -5") }
        let plan = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(plan.exitCode == 1)
        #expect(plan.stderr.contains("manifests/acme.yaml:"))
        #expect(plan.stderr.contains("error: limit must not be negative, got -5"))
        let apply = try await workspace.run(["apply", "--auto-approve"])
        #expect(apply.exitCode == 1)
        #expect(await workspace.liveKeys().isEmpty)
    }

    @Test("a saved plan is refused once the manifests, the state or a live key changed, naming what changed")
    func stalePlansAreRefused() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["plan", "--out", "first.json"]).exitCode == 0)
        #expect(try await workspace.run(["apply", "first.json"]).exitCode == 0)
        #expect(await workspace.liveKeys().count == 4)

        try workspace.editManifest { $0.replacingOccurrences(of: "limit: 20", with: "limit: 30") }
        #expect(try await workspace.run(["plan", "--out", "second.json"]).exitCode == 0)
        try workspace.editManifest { $0.replacingOccurrences(of: "limit: 30", with: "limit: 40") }
        let manifestChanged = try await workspace.run(["apply", "second.json"])
        #expect(manifestChanged.exitCode == 1)
        #expect(manifestChanged.stderr.contains("the saved plan is stale"))
        #expect(manifestChanged.stderr.contains("manifest manifests/acme.yaml was edited"))

        #expect(try await workspace.run(["plan", "--out", "third.json"]).exitCode == 0)
        let prod = try #require(await workspace.liveKeys().first { $0.name.hasPrefix("acme/prod") })
        _ = try await workspace.harness.state.update(prod.hash, UpdateKeyRequest(disabled: true))
        let liveChanged = try await workspace.run(["apply", "third.json"])
        #expect(liveChanged.exitCode == 1)
        #expect(liveChanged.stderr.contains("OpenRouter key \(prod.hash.rawValue.prefix(12))… was changed"))

        _ = try await workspace.harness.state.update(prod.hash, UpdateKeyRequest(disabled: false))
        #expect(try await workspace.run(["plan", "--out", "fourth.json"]).exitCode == 0)
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        let stateChanged = try await workspace.run(["apply", "fourth.json"])
        #expect(stateChanged.exitCode == 1)
        #expect(stateChanged.stderr.contains("the state was written since"))
    }

    @Test("an apply is refused before any API call while another holds the lock, naming the holder")
    func heldLockRefuses() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let repository = try workspace.repository
        let marker = try repository.createDetachedCommit(
            parent: nil, message: "keyplane apply lock\n\nHeld-By: ci@runner-7 pid 4242\nSince: 1790000000\n",
            author: KeyplaneWorkspace.author)
        try repository.updateReference("refs/keyplane/apply-lock", to: marker, expecting: nil, logMessage: "test holder")
        let apply = try await workspace.run(["apply", "--auto-approve"])
        #expect(apply.exitCode == 1)
        #expect(apply.stderr.contains("another apply holds the lock: ci@runner-7 pid 4242"))
        #expect(await workspace.liveKeys().isEmpty)
        #expect(try repository.resolve(reference: "refs/keyplane/apply-lock") == marker)

        let unlock = try await workspace.run(["unlock"])
        #expect(unlock.exitCode == 0)
        #expect(unlock.stdout.contains("Cleared the apply lock held by ci@runner-7 pid 4242"))
        #expect(try repository.resolve(reference: "refs/keyplane/apply-lock") == nil)
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        #expect(await workspace.liveKeys().count == 4)
    }

    @Test("a create whose response is dropped after the commit leaves no duplicate and no lost secret")
    func droppedCreateResponse() async throws {
        var faults = FaultSettings()
        faults.dropNext = 1
        faults.routes = ["POST /keys"]
        let workspace = try await KeyplaneWorkspace(faults: faults)
        defer { Task { await workspace.stop() } }
        let apply = try await workspace.run(["apply", "--auto-approve", "--parallelism", "1"])
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        #expect(apply.stderr.contains("the create's answer was lost"))
        let live = await workspace.liveKeys()
        #expect(live.count == 4)
        let listing = try await workspace.run(["secrets", "list"]).stdout
        for address in ["acme/prod", "acme/staging", "acme/batch", "acme/ada/personal"] {
            let secret = try await workspace.run(["secrets", "get", address])
            #expect(secret.exitCode == 0, "\(address): \(secret.stderr)")
            let hash = try KeyMaterial.hash(of: secret.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(live.contains { $0.hash == hash }, "\(address)'s sealed secret does not belong to a live key")
            #expect(listing.contains(address))
        }
    }

    @Test("no secret appears in plan output, saved plans, command output, commit messages or any file in git history")
    func noSecretLeaks() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["plan", "--out", "plan.json"]).exitCode == 0)
        #expect(try await workspace.run(["apply", "plan.json"]).exitCode == 0)
        // The batch key is replaced below; keep its first secret to look for too (outside the transcript).
        let firstBatch = try await KeyplaneProcess.runDetached(["secrets", "get", "acme/batch"], in: workspace.folder.url,
                                                               environment: workspace.environment)
        try workspace.editManifest { $0.replacingOccurrences(of: "expires: 90d", with: "expires: 30d") }
        for format in ["text", "markdown", "json"] { try await workspace.run(["plan", "--format", format]) }
        #expect(try await workspace.run(["plan", "--out", "plan2.json"]).exitCode == 0)
        for format in ["text", "markdown", "json"] { try await workspace.run(["show", "plan2.json", "--format", format]) }
        #expect(try await workspace.run(["apply", "plan2.json"]).exitCode == 0)
        // A change applied with JSON events: every event goes into the transcript too.
        try workspace.editManifest { $0.replacingOccurrences(of: "limit: 20", with: "limit: 15") }
        #expect(try await workspace.run(["apply", "--auto-approve", "--format", "json"]).exitCode == 0)
        try await workspace.run(["state", "show"])
        try await workspace.run(["secrets", "list"])
        let outputs = workspace.transcript

        var secrets: [String] = []
        for address in ["acme/prod", "acme/staging", "acme/batch", "acme/ada/personal"] {
            secrets.append(try await workspace.run(["secrets", "get", address]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        secrets.append(firstBatch.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        secrets.append(workspace.harness.managementKey.revealed)
        #expect(secrets.allSatisfy { $0.hasPrefix("sk-or-v1-") })

        let repository = try workspace.repository
        var texts = [outputs, try workspace.folder.read("plan.json"), try workspace.folder.read("plan2.json"), try workspace.folder.read("STATUS.md")]
        // Every file of every commit in the history, the sealed state included: no secret in plain text anywhere.
        var filesScanned = 0
        func scan(_ path: String, in commit: ObjectID) throws {
            let children = try repository.listDirectory(path, in: commit)
            if children.isEmpty, let data = try repository.contents(at: path, in: commit) {
                texts.append(String(decoding: data, as: UTF8.self))
                filesScanned += 1
            }
            for child in children { try scan(path.isEmpty ? child : "\(path)/\(child)", in: commit) }
        }
        let history = try repository.log()
        for commit in history {
            texts.append(commit.message)
            try scan("", in: commit.id)
        }
        #expect(history.count >= 4)
        #expect(filesScanned > history.count * 2, "the history walk saw only \(filesScanned) files")
        for secret in secrets {
            for text in texts {
                #expect(!text.contains(secret))
                #expect(!text.contains(String(secret.dropFirst(9).prefix(24))))
            }
        }
        #expect(!outputs.contains(KeyplaneWorkspace.passphrase))
    }
}
