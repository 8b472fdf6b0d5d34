import Foundation
import Git

/// `apply --push REMOTE`: publishes the apply commit, but only onto the remote branch the apply was
/// based on. If someone else pushed in the meantime, the push is refused and the commit stays local,
/// so no one's state history is overwritten.
struct ApplyPush {
    /// A configured remote's name, a URL, or the path of a bare repository.
    let remote: String

    /// Fails before anything is applied when `remote` cannot be a push target at all (a typo).
    static func check(_ remote: String, root: URL) throws {
        // Without a git repository apply refuses anyway, with its own message.
        guard let git = try? GitRepository.open(at: root) else { return }
        do { _ = try git.pushURL(of: remote) } catch {
            throw OperationFailure("cannot push to \(remote): \(Self.reason(error)). Nothing was applied.")
        }
    }

    /// Pushes `commit`, the apply commit now at the tip of the current branch, expecting the remote
    /// branch where this repository last saw it: the remote-tracking reference (refs/remotes/REMOTE/BRANCH)
    /// if there is one, else the commit the apply started from.
    func push(_ commit: ObjectID, in git: GitRepository) throws {
        guard let branch = try git.headBranch() else {
            throw OperationFailure("committed \(commit.short), but HEAD is not on a branch, so there is nothing to push to \(remote)")
        }
        let name = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
        let trackingReference = try git.remoteTrackingReference(for: branch, remote: remote)
        let tracking = try trackingReference.flatMap { try git.resolve(reference: $0) }
        let expected = try tracking ?? git.commit(commit).parents.first
        // What to rebase onto after a fetch: origin/main for a configured remote, else what was fetched.
        let upstream = trackingReference.map { $0.replacingOccurrences(of: "refs/remotes/", with: "") } ?? "the fetched \(name) (FETCH_HEAD)"
        do {
            try git.push(branch: branch, to: remote, expecting: expected)
        } catch let error as GitError where error.kind == .remoteMoved || error.kind == .rejected {
            throw OperationFailure("""
                push refused: \(error.kind == .remoteMoved ? "" : "the remote moved; ")\(error.message).
                Nothing on \(remote) was changed. The apply commit \(commit.short) is kept in your local repository \
                (the key changes it records are already live).
                To publish it: fetch \(remote) and rebase \(name) onto \(upstream), check with `keyplane plan` \
                (re-plan if the manifests changed there), then run `keyplane apply --push \(remote)` if the plan has \
                changes, or push with `git push \(remote) \(name)`.
                """)
        } catch {
            throw OperationFailure("committed \(commit.short), but could not push it to \(remote): \(Self.reason(error)). "
                + "The commit is kept locally; push it when \(remote) can be reached.")
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as? GitError)?.message ?? "\(error)"
    }
}
