import Foundation
internal import CGit2

/// A remote to push to: one configured in the repository (by name), or an anonymous one for a URL
/// or a path. Owns the libgit2 handle and, once connected, the connection; freeing the handle in
/// `deinit` closes it.
final class GitRemote {
    private let handle: OpaquePointer
    /// What the caller called it: a configured remote's name, or the URL or path as given.
    let label: String
    /// Whether the remote is configured in the repository, and so may have remote-tracking refs.
    let isConfigured: Bool
    /// Where pushes go: the configured push URL if there is one, else the URL.
    let url: String
    /// Collects what libgit2's callbacks report; alive as long as the connection.
    let callbacks = PushCallbacks()

    private init(handle: OpaquePointer, label: String, isConfigured: Bool) {
        self.handle = handle
        self.label = label
        self.isConfigured = isConfigured
        url = (git_remote_pushurl(handle) ?? git_remote_url(handle)).map { String(cString: $0) } ?? label
    }

    /// The remote configured in `repository` under `name`, or nil if there is none by that name.
    static func configured(_ name: String, in repository: GitRepository) throws -> GitRemote? {
        var pointer: OpaquePointer?
        let code = git_remote_lookup(&pointer, repository.handle, name)
        // An invalid remote name (a path, a URL) cannot be configured either.
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue { return nil }
        try Libgit2.check(code, "git_remote_lookup")
        return GitRemote(handle: pointer!, label: name, isConfigured: true)
    }

    /// The remote configured under `remote`, else an anonymous remote for `remote` as a URL or a path.
    static func resolve(_ remote: String, in repository: GitRepository) throws -> GitRemote {
        if let configured = try configured(remote, in: repository) { return configured }
        var pointer: OpaquePointer?
        try Libgit2.check(
            git_remote_create_anonymous(&pointer, repository.handle, try location(of: remote)), "git_remote_create_anonymous")
        return GitRemote(handle: pointer!, label: remote, isConfigured: false)
    }

    deinit { git_remote_free(handle) }

    /// `remote` as libgit2 should reach it when it is not a configured remote's name: a URL or an
    /// scp-like address as given, an existing folder as an absolute path.
    static func location(of remote: String) throws -> String {
        if remote.contains(":") { return remote }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: remote, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GitError(
                kind: .notFound, function: "git_remote_lookup", code: GIT_ENOTFOUND.rawValue,
                message: "'\(remote)' is neither a remote configured in this repository nor a URL or the path of a repository")
        }
        return URL(fileURLWithPath: remote).standardizedFileURL.path
    }

    /// The folder of the repository when libgit2 reaches this remote through its local transport
    /// (a `file://` URL or a path), else nil. libgit2 picks the transport by the same rules.
    var localPath: String? {
        if url.hasPrefix("file://") { return URL(string: url)?.path ?? String(url.dropFirst("file://".count)) }
        // libgit2 reads anything else with a colon as a URL or an scp-like SSH address.
        if url.contains(":") { return nil }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url, isDirectory: &isDirectory) && isDirectory.boolValue ? url : nil
    }

    /// Opens a connection for pushing.
    func connectForPush() throws {
        var options = git_remote_connect_options()
        try Libgit2.check(
            git_remote_connect_options_init(&options, UInt32(GIT_REMOTE_CONNECT_OPTIONS_VERSION)), "git_remote_connect_options_init")
        options.callbacks = try callbacks.make()
        try Libgit2.check(git_remote_connect_ext(handle, GIT_DIRECTION_PUSH, &options), "git_remote_connect_ext")
    }

    /// Closes the connection (a push on the local transport reconnects by itself; this ends it).
    func disconnect() throws {
        try Libgit2.check(git_remote_disconnect(handle), "git_remote_disconnect")
    }

    /// The references the connected remote advertises, by full name. Unborn ones are left out.
    func advertisedReferences() throws -> [String: ObjectID] {
        var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
        var count = 0
        try Libgit2.check(git_remote_ls(&heads, &count, handle), "git_remote_ls")
        var result: [String: ObjectID] = [:]
        for index in 0..<count {
            guard let head = heads?[index]?.pointee, let name = head.name, let id = ObjectID(nonZero: head.oid) else { continue }
            result[String(cString: name)] = id
        }
        return result
    }

    /// Pushes one refspec over the open connection. A refspec without `+` is refused by libgit2
    /// when it is not a fast-forward. The remote's per-reference rejections are thrown as errors
    /// of kind `.rejected`.
    func upload(_ refspec: String) throws {
        var options = git_push_options()
        try Libgit2.check(cgit2_push_options(&options), "git_push_options_init")
        options.callbacks = try callbacks.make()
        let code = refspec.withCString { spec -> Int32 in
            var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: spec)]
            return strings.withUnsafeMutableBufferPointer { buffer in
                var array = git_strarray(strings: buffer.baseAddress, count: 1)
                return git_remote_upload(handle, &array, &options)
            }
        }
        if code < 0 {
            if let unexpected = callbacks.unexpected, let guarded = callbacks.guarded {
                throw GitError.remoteMoved(remote: label, reference: unexpected.reference, expected: guarded.old,
                                           actual: unexpected.old, function: "git_remote_upload")
            }
            throw Libgit2.error(code, "git_remote_upload")
        }
        if !callbacks.rejections.isEmpty {
            throw GitError(
                kind: .rejected, function: "git_remote_upload", code: GIT_ERROR.rawValue,
                message: "\(label) rejected the push: "
                    + callbacks.rejections.map { "\($0.reference): \($0.reason)" }.joined(separator: "; "))
        }
    }

    /// The remote-tracking reference that mirrors `reference` (`refs/heads/main` →
    /// `refs/remotes/origin/main`) under this remote's fetch refspecs, or nil for an anonymous
    /// remote or a reference no refspec maps.
    func trackingReference(for reference: String) throws -> String? {
        guard isConfigured else { return nil }
        for index in 0..<git_remote_refspec_count(handle) {
            guard let spec = git_remote_get_refspec(handle, index), git_refspec_direction(spec) == GIT_DIRECTION_FETCH,
                git_refspec_src_matches(spec, reference) == 1
            else { continue }
            var buffer = git_buf()
            try Libgit2.check(git_refspec_transform(&buffer, spec, reference), "git_refspec_transform")
            defer { git_buf_dispose(&buffer) }
            return buffer.ptr.map { String(cString: $0) }
        }
        return nil
    }
}
