import Foundation
internal import CGit2

extension GitRepository {
    /// Pushes the local `branch` (`main` or `refs/heads/main`) to the same branch of `remote` (the
    /// name of a configured remote, a URL, or the path of a bare repository), as a compare-and-swap:
    /// the remote's branch moves only if it is still at `remoteOld` (nil: only if it does not exist
    /// yet), and only forward.
    ///
    /// - Throws: `GitError` of kind `.remoteMoved` (naming the remote, the branch, and the expected
    ///   and actual commits) when the remote's branch is elsewhere, `.rejected` when the push is not
    ///   a fast-forward of `remoteOld` or the remote refuses it, and other kinds for failures to
    ///   reach the remote. In each case the remote's branch is left as it was.
    ///
    /// The remote's branch is read over the push connection and compared with `remoteOld` before
    /// anything is sent. A smart server (SSH, HTTPS) then receives that same old value with the
    /// update and applies it only if the branch still holds it. libgit2's local transport moves the
    /// branch without such a check, so a local remote receives the objects under a temporary
    /// reference and its branch is moved here, with a locked compare-and-swap in that repository.
    /// On success a configured remote's tracking reference (`refs/remotes/origin/main`) is updated.
    public func push(branch: String, to remote: String, expecting remoteOld: ObjectID?) throws {
        try push(branch: branch, to: remote, expecting: remoteOld, update: .automatic)
    }

    /// How the remote's branch is moved once the objects are there.
    enum PushUpdate {
        /// By the remote's own repository for a local remote, by the transport otherwise.
        case automatic
        /// Always by the transport, as for a remote server. Tests use it to run that path against
        /// a local bare repository.
        case transport
    }

    /// `afterCheck` runs once the remote's branch was found where expected, before anything is
    /// sent; tests use it to move the remote at the worst moment.
    func push(branch: String, to remoteName: String, expecting remoteOld: ObjectID?, update: PushUpdate,
              afterCheck: () throws -> Void = {}) throws {
        let reference = Self.branchReference(branch)
        guard let local = try resolve(reference: reference) else {
            throw GitError(kind: .notFound, function: "git_reference_name_to_id", code: GIT_ENOTFOUND.rawValue,
                           message: "there is no local branch \(reference) to push")
        }
        if let remoteOld, remoteOld != local { try requireFastForward(from: remoteOld, to: local, reference: reference) }

        let remote = try GitRemote.resolve(remoteName, in: self)
        try remote.connectForPush()
        let actual = try remote.advertisedReferences()[reference]
        guard actual == remoteOld else {
            throw GitError.remoteMoved(remote: remote.label, reference: reference, expected: remoteOld, actual: actual,
                                       function: "git_remote_ls")
        }
        try afterCheck()
        if actual != local {
            if update == .automatic, let path = remote.localPath {
                try pushLocally(local, to: reference, of: remote, at: path, expecting: remoteOld)
            } else {
                remote.callbacks.guarded = (reference, remoteOld)
                try remote.upload("\(reference):\(reference)")
            }
        }
        if let tracking = try remote.trackingReference(for: reference) {
            var oid = local.oid
            var updated: OpaquePointer?
            try Libgit2.check(git_reference_create(&updated, handle, tracking, &oid, 1, "keyplane: push"), "git_reference_create")
            git_reference_free(updated)
        }
    }

    /// The remote-tracking reference (`refs/remotes/origin/main`) that mirrors `branch` of the
    /// configured remote `remote` under its fetch refspecs, whether or not it exists yet; nil when
    /// `remote` is a URL or a path rather than a configured remote's name.
    public func remoteTrackingReference(for branch: String, remote: String) throws -> String? {
        try GitRemote.configured(remote, in: self)?.trackingReference(for: Self.branchReference(branch))
    }

    /// Configures a remote named `name` at `url` (a URL or a path) with git's default fetch
    /// refspec, so its branches are tracked under `refs/remotes/NAME/`.
    public func addRemote(_ name: String, url: String) throws {
        var remote: OpaquePointer?
        try Libgit2.check(git_remote_create(&remote, handle, name, url), "git_remote_create")
        git_remote_free(remote)
    }

    /// Where pushes to `remote` go: a configured remote's push URL (or URL), or `remote` itself
    /// when it is a URL or the path of a folder. Throws `.notFound` when it is none of these, so a
    /// command can check its arguments before it changes anything.
    public func pushURL(of remote: String) throws -> String {
        try GitRemote.resolve(remote, in: self).url
    }

    private static func branchReference(_ branch: String) -> String {
        branch.hasPrefix("refs/") ? branch : "refs/heads/\(branch)"
    }

    private func requireFastForward(from old: ObjectID, to new: ObjectID, reference: String) throws {
        var newOID = new.oid, oldOID = old.oid
        let descends = try Libgit2.check(git_graph_descendant_of(handle, &newOID, &oldOID), "git_graph_descendant_of")
        guard descends == 1 else {
            throw GitError(kind: .rejected, function: "git_graph_descendant_of", code: GIT_ENONFASTFORWARD.rawValue,
                           message: "\(reference) at \(new.short) does not build on \(old.short), so pushing it would not be a fast-forward")
        }
    }

    /// Sends the objects to a temporary reference of the local remote at `path`, then moves its
    /// branch with a compare-and-swap in that repository, and removes the temporary reference.
    private func pushLocally(_ local: ObjectID, to reference: String, of remote: GitRemote, at path: String,
                             expecting remoteOld: ObjectID?) throws {
        let temporary = "refs/keyplane/push/\(UUID().uuidString.lowercased())"
        remote.callbacks.guarded = (temporary, nil)
        try remote.upload("\(reference):\(temporary)")
        try remote.disconnect()

        let target = try GitRepository.openExactly(at: URL(fileURLWithPath: path, isDirectory: true))
        // The temporary reference only carried the objects here; failing to remove it must not
        // turn a completed push into an error, and leaves nothing worse than a stray reference.
        defer { try? target.deleteReference(temporary, expecting: local) }
        do {
            try target.updateReference(reference, to: local, expecting: remoteOld, logMessage: "push")
        } catch let error as GitError where [.modified, .exists, .notFound].contains(error.kind) {
            throw GitError.remoteMoved(remote: remote.label, reference: reference, expected: remoteOld,
                                       actual: try target.resolve(reference: reference), function: error.function)
        }
    }
}

extension GitError {
    static func remoteMoved(remote: String, reference: String, expected: ObjectID?, actual: ObjectID?,
                            function: String) -> GitError {
        let now = actual.map { "is at \($0.short)" } ?? "does not exist"
        let wanted = expected.map { "at \($0.short)" } ?? "absent"
        return GitError(kind: .remoteMoved, function: function, code: GIT_EMODIFIED.rawValue,
                        message: "the remote \(remote) moved: its \(reference) \(now), but the push expected it \(wanted)")
    }
}
