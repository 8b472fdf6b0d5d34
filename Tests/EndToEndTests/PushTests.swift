import Domain
import Foundation
import Git
import TestSupport
import Testing

@Suite("apply --push, end to end against the simulator and a bare remote")
struct PushTests {
    @Test("apply --push publishes the apply commit, and is refused, keeping the commit, once the remote moved")
    func pushThenRefuseAfterRemoteMoved() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let remoteFolder = try TemporaryDirectory(prefix: "keyplane-e2e-remote")
        let bare = try GitRepository.create(at: remoteFolder.url, bare: true)
        // The workspace was cloned from origin: origin has its history and origin/main tracks it.
        let local = try workspace.repository
        try local.addRemote("origin", url: remoteFolder.path)
        let cloned = try #require(try local.head())
        try local.push(branch: "main", to: "origin", expecting: nil)

        let first = try await workspace.run(["apply", "--auto-approve", "--push", "origin"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        let applied = try #require(try workspace.repository.head())
        #expect(try workspace.repository.commit(applied).parents == [cloned])
        #expect(first.stdout.contains("Pushed \(applied.short) to origin."))
        #expect(try bare.resolve(reference: "refs/heads/main") == applied)
        #expect(try workspace.repository.resolve(reference: "refs/remotes/origin/main") == applied)

        // Nothing to apply: no commit and no push.
        let idle = try await workspace.run(["apply", "--auto-approve", "--push", "origin"])
        #expect(idle.exitCode == 0, "\(idle.stderr)")
        #expect(idle.stdout.contains("Nothing to apply"))
        #expect(!idle.stdout.contains("Pushed"))
        #expect(try workspace.repository.head() == applied)

        // Someone else pushes to origin from another clone.
        let theirs = try bare.createDetachedCommit(
            parent: applied, message: "Raise a limit elsewhere\n", author: Signature(name: "Bea Other", email: "bea@example.com"))
        try bare.updateReference("refs/heads/main", to: theirs, expecting: applied, logMessage: "push from another clone")

        try workspace.editManifest { $0.replacingOccurrences(of: "limit: 20", with: "limit: 10") }
        let refused = try await workspace.run(["apply", "--auto-approve", "--push", "origin"])
        #expect(refused.exitCode == 1)
        #expect(refused.stdout.contains("Applied 1 change and committed"), "\(refused.stdout)")
        #expect(refused.stderr.contains("push refused: the remote origin moved"), "\(refused.stderr)")
        #expect(refused.stderr.contains("is at \(theirs.short), but the push expected it at \(applied.short)"))
        let kept = try #require(try workspace.repository.head())
        #expect(kept != applied)
        #expect(refused.stderr.contains("The apply commit \(kept.short) is kept in your local repository"))
        #expect(refused.stderr.contains("rebase main onto origin/main"))
        #expect(try workspace.repository.commit(kept).parents == [applied])
        #expect(try workspace.repository.commit(kept).subject.hasPrefix("keyplane apply:"))
        #expect(try bare.resolve(reference: "refs/heads/main") == theirs)
        #expect(try workspace.repository.resolve(reference: "refs/remotes/origin/main") == applied)
        #expect(await workspace.liveKeys().first { $0.name.hasPrefix("acme/batch") }?.limit == USD(decimal: "10"))
    }

    @Test("apply --push to a path pushes onto the commit the apply started from")
    func pushToPath() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let remoteFolder = try TemporaryDirectory(prefix: "keyplane-e2e-remote")
        let bare = try GitRepository.create(at: remoteFolder.url, bare: true)
        let start = try #require(try workspace.repository.head())
        try workspace.repository.push(branch: "main", to: remoteFolder.path, expecting: nil)

        let output = try await workspace.run(["apply", "--auto-approve", "--push", remoteFolder.path])
        #expect(output.exitCode == 0, "\(output.stderr)")
        let applied = try #require(try workspace.repository.head())
        #expect(applied != start)
        #expect(try bare.resolve(reference: "refs/heads/main") == applied)
    }

    @Test("apply --push to an unknown remote is refused before anything is applied")
    func unknownRemoteRefusedFirst() async throws {
        let workspace = try await KeyplaneWorkspace()
        defer { Task { await workspace.stop() } }
        let before = try workspace.repository.head()
        let output = try await workspace.run(["apply", "--auto-approve", "--push", "nosuchremote"])
        #expect(output.exitCode == 1)
        #expect(output.stderr.contains("cannot push to nosuchremote"), "\(output.stderr)")
        #expect(output.stderr.contains("Nothing was applied"))
        #expect(await workspace.liveKeys().isEmpty)
        #expect(try workspace.repository.head() == before)
    }

    @Test("apply --help describes --push")
    func helpDescribesPush() async throws {
        let output = try await KeyplaneProcess.runDetached(["apply", "--help"])
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("--push <remote>"))
        let words = output.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("only if the remote's branch is still where this apply started from"))
    }
}
