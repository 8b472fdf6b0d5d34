import Domain
import Foundation
import OpenRouterAPI
import OpenRouterSimulator
import TestSupport
import Testing

/// Rotation with overlap, `--replace`, `--target`, the expiry warning and the management-key
/// guard, run as the binary against the simulator.
@Suite("rotation, --replace, --target, expiry warnings and the management-key guard")
struct RotationAndTargetingTests {
    /// `KEYPLANE_NOW` for a moment `days` from the real now (the simulator keeps real time).
    static func clock(daysFromNow days: Double) -> [String: String] {
        ["KEYPLANE_NOW": ISO8601DateFormatter().string(from: Date().addingTimeInterval(days * 86_400))]
    }

    func secret(of address: String, in workspace: KeyplaneWorkspace) async throws -> String {
        let output = try await workspace.run(["secrets", "get", address])
        #expect(output.exitCode == 0, "\(output.stderr)")
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether OpenRouter (the simulator) accepts `secret` for inference.
    func works(_ secret: String, in workspace: KeyplaneWorkspace) async -> Bool {
        if case .regular? = try? await workspace.harness.state.authenticate(authorization: "Bearer \(secret)") { return true }
        return false
    }

    @Test("a due rotation creates a successor, both keys work during the overlap, and a later apply deletes the old one")
    func rotationWithOverlap() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        try workspace.editManifest {
            $0.replacingOccurrences(of: "    labels: { environment: staging }",
                                    with: "    labels: { environment: staging }\n    rotation: { rotate_every: 30d, overlap: 2d }")
        }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        let oldSecret = try await secret(of: "acme/staging", in: workspace)
        let oldHash = try KeyMaterial.hash(of: oldSecret)
        #expect(try await workspace.run(["plan", "--detailed-exitcode"], extraEnvironment: Self.clock(daysFromNow: 29)).exitCode == 0)

        // Day 31: the rotation is due.
        let day31 = Self.clock(daysFromNow: 31)
        let plan = try await workspace.run(["plan", "--detailed-exitcode"], extraEnvironment: day31)
        #expect(plan.exitCode == 2)
        #expect(plan.stdout.contains("-/+ acme/staging  replace (a new secret will be issued)"), "\(plan.stdout)")
        #expect(plan.stdout.contains("rotation due"))
        #expect(plan.stdout.contains("handover: old key stays live until"))
        let markdown = try await workspace.run(["plan", "--format", "markdown"], extraEnvironment: day31).stdout
        #expect(markdown.contains("Plan: 0 to create, 0 to update, 1 to replace, 0 to delete"))
        #expect(try await workspace.run(["apply", "--auto-approve"], extraEnvironment: day31).exitCode == 0)

        let newSecret = try await secret(of: "acme/staging", in: workspace)
        let newHash = try KeyMaterial.hash(of: newSecret)
        #expect(newHash != oldHash)
        let staging = await workspace.liveKeys().filter { $0.name.hasPrefix("acme/staging") }
        #expect(Set(staging.map(\.hash)) == [oldHash, newHash], "both keys are live during the overlap")
        #expect(await works(oldSecret, in: workspace))
        #expect(await works(newSecret, in: workspace))

        // Day 32: still inside the overlap, nothing to do.
        let day32 = try await workspace.run(["plan", "--detailed-exitcode"], extraEnvironment: Self.clock(daysFromNow: 32))
        #expect(day32.exitCode == 0, "\(day32.stdout)")

        // Day 34: the overlap is over; the old key goes.
        let day34 = Self.clock(daysFromNow: 34)
        let cleanup = try await workspace.run(["plan", "--detailed-exitcode"], extraEnvironment: day34)
        #expect(cleanup.exitCode == 2)
        #expect(cleanup.stdout.contains("the rotation's overlap ended"), "\(cleanup.stdout)")
        #expect(try await workspace.run(["apply", "--auto-approve"], extraEnvironment: day34).exitCode == 0)
        #expect(await workspace.liveKeys().filter { $0.name.hasPrefix("acme/staging") }.map(\.hash) == [newHash])
        #expect(await !works(oldSecret, in: workspace))
        #expect(await works(newSecret, in: workspace))
        #expect(try await workspace.run(["plan", "--detailed-exitcode"], extraEnvironment: day34).exitCode == 0)
        let history = try workspace.repository.log().map(\.subject)
        #expect(history.prefix(2) == ["keyplane apply: 1 deleted", "keyplane apply: 1 replaced"])
    }

    @Test("--replace rotates one key now: a saved plan replaces it and the old key is deleted at once")
    func replaceNow() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        let oldSecret = try await secret(of: "acme/ada/personal", in: workspace)

        let plan = try await workspace.run(["plan", "--replace", "acme/ada/personal", "--out", "rotate.json", "--detailed-exitcode"])
        #expect(plan.exitCode == 2)
        #expect(plan.stdout.contains("-/+ acme/ada/personal  replace (a new secret will be issued)"), "\(plan.stdout)")
        #expect(plan.stdout.contains("replacement requested with --replace"))
        #expect(plan.stdout.contains("Plan: 0 to create, 0 to update, 1 to replace, 0 to delete."))
        let unknown = try await workspace.run(["plan", "--replace", "acme/nobody"])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("acme/nobody"))

        #expect(try await workspace.run(["apply", "rotate.json"]).exitCode == 0)
        let newSecret = try await secret(of: "acme/ada/personal", in: workspace)
        #expect(newSecret != oldSecret)
        let personal = await workspace.liveKeys().filter { $0.name.hasPrefix("acme/ada/personal") }
        #expect(personal.map(\.hash) == [try KeyMaterial.hash(of: newSecret)])
        #expect(await !works(oldSecret, in: workspace))
        #expect(try await workspace.run(["plan", "--detailed-exitcode"]).exitCode == 0)
    }

    @Test("--target plans and applies only the named key; the rest waits for the next plan")
    func targetOneKey() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        try workspace.editManifest {
            $0.replacingOccurrences(of: "limit: 20", with: "limit: 15").replacingOccurrences(of: "limit: 5\n", with: "limit: 4\n")
        }
        let targeted = try await workspace.run(["plan", "--target", "acme/batch", "--out", "batch.json"])
        #expect(targeted.exitCode == 0)
        #expect(targeted.stdout.contains("~ acme/batch  update in place"))
        #expect(!targeted.stdout.contains("acme/staging"))
        #expect(targeted.stdout.contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete."))
        #expect(try await workspace.run(["apply", "batch.json"]).exitCode == 0)

        let live = await workspace.liveKeys()
        #expect(live.first { $0.name.hasPrefix("acme/batch") }?.limit == USD(decimal: "15"))
        #expect(live.first { $0.name.hasPrefix("acme/staging") }?.limit == USD(decimal: "5"))
        let rest = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(rest.exitCode == 2)
        #expect(rest.stdout.contains("~ acme/staging  update in place"))
        #expect(!rest.stdout.contains("acme/batch  update"))
    }

    @Test("a key expiring within 7 days is warned about in text, markdown and JSON")
    func expiryWarning() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        try workspace.editManifest { $0.replacingOccurrences(of: "expires: 90d", with: "expires: 5d") }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        let text = try await workspace.run(["plan", "--detailed-exitcode"])
        #expect(text.exitCode == 0, "a warning alone is not a change")
        #expect(text.stdout.contains("acme/batch: expires"), "\(text.stdout)")
        #expect(text.stdout.contains("within 7 days"))
        #expect(!text.stdout.contains("acme/prod: expires"))
        let markdown = try await workspace.run(["plan", "--format", "markdown"]).stdout
        #expect(markdown.contains("> **Expiring within 7 days**"), "\(markdown)")
        #expect(markdown.contains("acme/batch"))
        let json = try await workspace.run(["plan", "--format", "json"]).stdout
        #expect(json.contains("\"expiresSoon\""), "\(json)")
        let quiet = try await workspace.run(["plan"], extraEnvironment: Self.clock(daysFromNow: -30))
        #expect(!quiet.stdout.contains("within 7 days"), "no warning while the expiry is further away")
    }

    @Test("the management key is never imported into the state")
    func managementKeyGuard() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.run(["apply", "--auto-approve"]).exitCode == 0)
        try workspace.editManifest {
            $0.replacingOccurrences(of: "users:", with: "  - name: ops\n    client: acme\n    limit: 7\nusers:")
        }
        let stateBefore = try workspace.folder.read("state/clients/acme.json")
        let keysBefore = await workspace.liveKeys()
        let managementHash = try KeyMaterial.hash(of: workspace.harness.managementKey.revealed)

        let imported = try await workspace.run(["import", "acme/ops", managementHash.rawValue, "--auto-approve"])
        #expect(imported.exitCode == 1)
        #expect(imported.combined.contains("management-key"), "\(imported.combined)")
        #expect(imported.combined.contains("management keys cannot be imported"))
        #expect(try workspace.folder.read("state/clients/acme.json") == stateBefore)
        #expect(await workspace.liveKeys().map(\.hash).sorted() == keysBefore.map(\.hash).sorted())
        #expect(!workspace.transcript.contains(workspace.harness.managementKey.revealed))
    }
}
