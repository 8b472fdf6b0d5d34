import Foundation
import Git
import TestSupport
import Testing

@Suite("libgit2 wrapper")
struct GitRepositoryTests {
    let author = Signature(name: "Ada Operator", email: "ada@example.com", date: Date(timeIntervalSince1970: 1_790_000_000))

    @Test("a commit written in a temporary repository reads back with its message, author, parent and file")
    func commitRoundTrip() throws {
        let folder = try TemporaryDirectory()
        let repository = try GitRepository.create(at: folder.url)
        #expect(try repository.head() == nil)
        #expect(try repository.headBranch() == "refs/heads/main")

        try folder.write("limit: 10\n", to: "manifests/acme.yaml")
        let first = try repository.commit(paths: ["manifests/acme.yaml"], message: "Add acme\n", author: author)
        try folder.write("limit: 20\n", to: "manifests/acme.yaml")
        let second = try repository.commit(
            paths: ["manifests/acme.yaml"], message: "Raise acme's limit\n\nKeyplane-Plan: abc123\nKeyplane-Version: 0.1.0\n",
            author: author)

        #expect(try repository.head() == second)
        let commit = try repository.commit(second)
        #expect(commit.parents == [first])
        #expect(commit.subject == "Raise acme's limit")
        #expect(commit.author == author)
        #expect(commit.trailers.map(\.key) == ["Keyplane-Plan", "Keyplane-Version"])
        #expect(commit.trailers.first?.value == "abc123")
        #expect(try repository.contents(at: "manifests/acme.yaml", in: second) == Data("limit: 20\n".utf8))
        #expect(try repository.contents(at: "manifests/acme.yaml", in: first) == Data("limit: 10\n".utf8))
        #expect(try repository.contents(at: "manifests/none.yaml", in: second) == nil)
        #expect(try repository.listDirectory("manifests", in: second) == ["acme.yaml"])
        #expect(try repository.log().map(\.id) == [second, first])
    }

    @Test("the commit is visible to a freshly opened repository, found from a subfolder")
    func reopenFromSubfolder() throws {
        let folder = try TemporaryDirectory()
        let created = try GitRepository.create(at: folder.url)
        try folder.write("a\n", to: "docs/readme.md")
        let id = try created.commit(paths: ["docs/readme.md"], message: "Docs", author: author)

        let reopened = try GitRepository.open(at: folder.url.appendingPathComponent("docs"))
        #expect(try reopened.head() == id)
        #expect(reopened.workingDirectory?.standardizedFileURL.path == folder.url.standardizedFileURL.path)
    }

    @Test("a file deleted from the working tree is removed by the next commit")
    func deletionIsCommitted() throws {
        let folder = try TemporaryDirectory()
        let repository = try GitRepository.create(at: folder.url)
        try folder.write("x\n", to: "state/acme.json")
        try repository.commit(paths: ["state/acme.json"], message: "Add", author: author)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("state/acme.json"))
        let removal = try repository.commit(paths: ["state/acme.json"], message: "Remove", author: author)
        #expect(try repository.contents(at: "state/acme.json", in: removal) == nil)
    }

    @Test("a reference moves only from the value the caller expects")
    func referenceCompareAndSwap() throws {
        let folder = try TemporaryDirectory()
        let repository = try GitRepository.create(at: folder.url)
        let base = try repository.createDetachedCommit(parent: nil, message: "lock by run 1", author: author)
        let other = try repository.createDetachedCommit(parent: nil, message: "lock by run 2", author: author)

        try repository.updateReference("refs/keyplane/lock", to: base, expecting: nil, logMessage: "take lock")
        #expect(throws: GitError.self) {
            try repository.updateReference("refs/keyplane/lock", to: other, expecting: nil, logMessage: "take lock")
        }
        #expect(throws: GitError.self) {
            try repository.updateReference("refs/keyplane/lock", to: other, expecting: other, logMessage: "steal lock")
        }
        #expect(try repository.resolve(reference: "refs/keyplane/lock") == base)
        try repository.deleteReference("refs/keyplane/lock", expecting: base)
        #expect(try repository.resolve(reference: "refs/keyplane/lock") == nil)
    }

    @Test("opening a folder that is not a repository names libgit2's function and message")
    func openFailureIsDescriptive() throws {
        let folder = try TemporaryDirectory()
        do {
            _ = try GitRepository.open(at: folder.url)
            Issue.record("opening a non-repository succeeded")
        } catch let error as GitError {
            #expect(error.kind == .notFound)
            #expect(error.description.contains("git_repository_open_ext"))
            #expect(error.description.contains("could not find repository"))
        }
    }
}
