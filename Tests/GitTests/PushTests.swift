import Foundation
@testable import Git
import TestSupport
import Testing

@Suite("push with compare-and-swap, to local bare repositories")
struct PushTests {
    let author = Signature(name: "Ada Operator", email: "ada@example.com", date: Date(timeIntervalSince1970: 1_790_000_000))

    /// A working repository with one commit on main, and an empty bare repository beside it.
    struct Pair {
        let folder: TemporaryDirectory
        let local: GitRepository
        let bare: GitRepository
        var barePath: String { bare.gitDirectory.path }
    }

    func makePair(remoteName: String? = nil) throws -> (Pair, ObjectID) {
        let folder = try TemporaryDirectory(prefix: "keyplane-push")
        let bare = try GitRepository.create(at: folder.url.appendingPathComponent("remote.git"), bare: true)
        let local = try GitRepository.create(at: folder.url.appendingPathComponent("work"))
        let first = try commit(in: local, text: "one\n", message: "First")
        let pair = Pair(folder: folder, local: local, bare: bare)
        if let remoteName { try local.addRemote(remoteName, url: pair.barePath) }
        return (pair, first)
    }

    @discardableResult
    func commit(in repository: GitRepository, text: String, message: String) throws -> ObjectID {
        let root = try #require(repository.workingDirectory)
        try Data(text.utf8).write(to: root.appendingPathComponent("STATUS.md"))
        return try repository.commit(paths: ["STATUS.md"], message: message, author: author)
    }

    /// What another writer does: a commit on top of the bare repository's main, moved there with a
    /// compare-and-swap, as a push from another clone would.
    func moveRemote(_ bare: GitRepository, from old: ObjectID, message: String = "Someone else's apply") throws -> ObjectID {
        let other = try bare.createDetachedCommit(parent: old, message: message, author: author)
        try bare.updateReference("refs/heads/main", to: other, expecting: old, logMessage: "push from another clone")
        return other
    }

    func remoteMain(_ pair: Pair) throws -> ObjectID? {
        try GitRepository.open(at: URL(fileURLWithPath: pair.barePath)).resolve(reference: "refs/heads/main")
    }

    func references(in pair: Pair, under prefix: String) throws -> [String] {
        let folder = pair.bare.gitDirectory.appendingPathComponent(prefix)
        return (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }

    @Test("a push to an empty bare repository creates its branch at the local commit")
    func pushToEmptyBareRepository() throws {
        let (pair, first) = try makePair()
        try pair.local.push(branch: "main", to: pair.barePath, expecting: nil)
        #expect(try remoteMain(pair) == first)
        #expect(try references(in: pair, under: "refs/keyplane/push").isEmpty)
    }

    @Test("a fast-forward push moves the remote branch from the expected commit to the new one")
    func pushFastForward() throws {
        let (pair, first) = try makePair()
        try pair.local.push(branch: "refs/heads/main", to: pair.barePath, expecting: nil)
        let second = try commit(in: pair.local, text: "two\n", message: "Second")
        try pair.local.push(branch: "main", to: pair.barePath, expecting: first)
        #expect(try remoteMain(pair) == second)
        #expect(try pair.bare.commit(second).parents == [first])
    }

    @Test("a push to a configured remote by name updates its remote-tracking reference")
    func pushByRemoteNameUpdatesTracking() throws {
        let (pair, first) = try makePair(remoteName: "origin")
        #expect(try pair.local.remoteTrackingReference(for: "main", remote: "origin") == "refs/remotes/origin/main")
        #expect(try pair.local.remoteTrackingReference(for: "main", remote: pair.barePath) == nil)
        try pair.local.push(branch: "main", to: "origin", expecting: nil)
        #expect(try remoteMain(pair) == first)
        #expect(try pair.local.resolve(reference: "refs/remotes/origin/main") == first)
    }

    @Test("when another clone pushed first, the push is refused as remoteMoved and the remote keeps the other commit")
    func refuseWhenAnotherClonePushedFirst() throws {
        let (pair, mine) = try makePair()
        let otherFolder = try TemporaryDirectory(prefix: "keyplane-push-other")
        let other = try GitRepository.create(at: otherFolder.url)
        let theirs = try commit(in: other, text: "theirs\n", message: "Their first apply")
        try other.push(branch: "main", to: pair.barePath, expecting: nil)

        let error = try #require(throws: GitError.self) {
            try pair.local.push(branch: "main", to: pair.barePath, expecting: nil)
        }
        #expect(error.kind == .remoteMoved)
        #expect(error.message.contains(theirs.short))
        #expect(error.message.contains("refs/heads/main"))
        #expect(error.message.contains(pair.barePath))
        #expect(try remoteMain(pair) == theirs)
        #expect(try pair.local.head() == mine)
    }

    @Test("when the remote moved after the expected commit, the push is refused and the remote is unchanged")
    func refuseWhenRemoteMoved() throws {
        let (pair, first) = try makePair()
        try pair.local.push(branch: "main", to: pair.barePath, expecting: nil)
        let theirs = try moveRemote(pair.bare, from: first)
        let mine = try commit(in: pair.local, text: "two\n", message: "My apply")

        let error = try #require(throws: GitError.self) {
            try pair.local.push(branch: "main", to: pair.barePath, expecting: first)
        }
        #expect(error.kind == .remoteMoved)
        #expect(error.message.contains("is at \(theirs.short)"))
        #expect(error.message.contains("expected it at \(first.short)"))
        #expect(try remoteMain(pair) == theirs)
        #expect(try references(in: pair, under: "refs/keyplane/push").isEmpty)
        #expect(try pair.local.head() == mine)
    }

    @Test("a push that races another writer after the check still cannot overwrite it, and leaves no temporary reference")
    func refuseWhenRemoteMovesDuringPush() throws {
        let (pair, first) = try makePair()
        try pair.local.push(branch: "main", to: pair.barePath, expecting: nil)
        _ = try commit(in: pair.local, text: "two\n", message: "My apply")
        var theirs: ObjectID?
        let error = try #require(throws: GitError.self) {
            try pair.local.push(branch: "main", to: pair.barePath, expecting: first, update: .automatic) {
                theirs = try moveRemote(pair.bare, from: first)
            }
        }
        #expect(error.kind == .remoteMoved)
        #expect(error.message.contains("is at \(try #require(theirs).short)"))
        // Refused by the compare-and-swap in the remote repository, after the objects were sent.
        #expect(error.function == "git_reference_create_matching")
        #expect(try remoteMain(pair) == theirs)
        #expect(try references(in: pair, under: "refs/keyplane/push").isEmpty)
    }

    @Test("a wrong expectation is refused even when the push would be a fast-forward")
    func refuseWrongExpectation() throws {
        let (pair, first) = try makePair()
        try pair.local.push(branch: "main", to: pair.barePath, expecting: nil)
        let second = try commit(in: pair.local, text: "two\n", message: "Second")
        try pair.local.push(branch: "main", to: pair.barePath, expecting: first)
        let third = try commit(in: pair.local, text: "three\n", message: "Third")

        let stale = try #require(throws: GitError.self) {
            try pair.local.push(branch: "main", to: pair.barePath, expecting: first)
        }
        #expect(stale.kind == .remoteMoved)
        let absent = try #require(throws: GitError.self) {
            try pair.local.push(branch: "main", to: pair.barePath, expecting: nil)
        }
        #expect(absent.kind == .remoteMoved)
        #expect(absent.message.contains("expected it absent"))
        #expect(try remoteMain(pair) == second)

        try pair.local.push(branch: "main", to: pair.barePath, expecting: second)
        #expect(try remoteMain(pair) == third)
    }

    @Test("an expectation the local branch does not build on is refused as not a fast-forward")
    func refuseNonFastForward() throws {
        let (pair, first) = try makePair()
        try pair.local.push(branch: "main", to: pair.barePath, expecting: nil)
        let theirs = try moveRemote(pair.bare, from: first)
        _ = try commit(in: pair.local, text: "two\n", message: "Mine")
        // The commit exists locally too (as after a fetch), but main does not contain it.
        let local = try pair.local.createDetachedCommit(parent: first, message: "Someone else's apply", author: author)
        #expect(local == theirs)

        let error = try #require(throws: GitError.self) {
            try pair.local.push(branch: "main", to: pair.barePath, expecting: theirs)
        }
        #expect(error.kind == .rejected)
        #expect(try remoteMain(pair) == theirs)
    }

    @Test("the transport's own push (as to a server) also checks the remote's branch first")
    func transportPushChecksExpectation() throws {
        let (pair, first) = try makePair()
        try pair.local.push(branch: "main", to: pair.barePath, expecting: nil, update: .transport)
        #expect(try remoteMain(pair) == first)
        let second = try commit(in: pair.local, text: "two\n", message: "Second")
        try pair.local.push(branch: "main", to: pair.barePath, expecting: first, update: .transport)
        #expect(try remoteMain(pair) == second)

        let theirs = try moveRemote(pair.bare, from: second)
        _ = try commit(in: pair.local, text: "three\n", message: "Third")
        let error = try #require(throws: GitError.self) {
            try pair.local.push(branch: "main", to: pair.barePath, expecting: second, update: .transport)
        }
        #expect(error.kind == .remoteMoved)
        #expect(try remoteMain(pair) == theirs)
    }

    @Test("a name that is neither a configured remote nor a path is refused before connecting")
    func unknownRemote() throws {
        let (pair, _) = try makePair()
        let error = try #require(throws: GitError.self) {
            try pair.local.push(branch: "main", to: "nosuchremote", expecting: nil)
        }
        #expect(error.kind == .notFound)
        #expect(error.message.contains("'nosuchremote' is neither a remote configured in this repository"))
        #expect(throws: GitError.self) { try pair.local.pushURL(of: "nosuchremote") }
        #expect(try pair.local.pushURL(of: pair.barePath) == pair.barePath)
    }
}
