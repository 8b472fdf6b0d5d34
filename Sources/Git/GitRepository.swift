public import Foundation
internal import CGit2

/// An open git repository. It owns a libgit2 handle, which it frees on `deinit`.
///
/// libgit2 objects must not be used from two threads at once: confine a `GitRepository` to one
/// task at a time (it is `@unchecked Sendable` only so it can be handed from one task to another).
public final class GitRepository: @unchecked Sendable {
    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { git_repository_free(handle) }

    /// Creates a new repository at `url` (making folders as needed) whose first branch is `initialBranch`.
    public static func create(at url: URL, bare: Bool = false, initialBranch: String = "main") throws -> GitRepository {
        Libgit2.ensureInitialized()
        var options = git_repository_init_options()
        try Libgit2.check(cgit2_repository_init_options(&options), "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_MKDIR.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var repository: OpaquePointer?
        try initialBranch.withCString { branch in
            options.initial_head = branch
            try Libgit2.check(git_repository_init_ext(&repository, url.path, &options), "git_repository_init_ext")
        }
        return GitRepository(handle: repository!)
    }

    /// Opens the repository that contains `url`, searching parent folders like `git` does.
    public static func open(at url: URL) throws -> GitRepository {
        Libgit2.ensureInitialized()
        var repository: OpaquePointer?
        try Libgit2.check(git_repository_open_ext(&repository, url.path, 0, nil), "git_repository_open_ext")
        return GitRepository(handle: repository!)
    }

    /// Opens the repository at exactly `url` (its working tree, `.git` folder or bare folder),
    /// without searching parent folders.
    static func openExactly(at url: URL) throws -> GitRepository {
        Libgit2.ensureInitialized()
        var repository: OpaquePointer?
        try Libgit2.check(git_repository_open(&repository, url.path), "git_repository_open")
        return GitRepository(handle: repository!)
    }

    /// The working tree's root, or nil for a bare repository.
    public var workingDirectory: URL? {
        guard let path = git_repository_workdir(handle) else { return nil }
        return URL(fileURLWithPath: String(cString: path), isDirectory: true)
    }

    /// The `.git` folder (or the repository itself when bare).
    public var gitDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_path(handle)), isDirectory: true)
    }

    /// Whether the repository has no working tree.
    public var isBare: Bool { git_repository_is_bare(handle) == 1 }

    // MARK: References

    /// The commit HEAD points at, or nil on an unborn branch.
    public func head() throws -> ObjectID? {
        try resolve(reference: "HEAD")
    }

    /// The commit a reference (`HEAD`, `refs/heads/main`, `refs/keyplane/lock`) points at, or nil if
    /// the reference does not exist.
    public func resolve(reference name: String) throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try Libgit2.check(code, "git_reference_name_to_id")
        return ObjectID(oid)
    }

    /// The full name of the branch HEAD points at (`refs/heads/main`), even when it is unborn.
    public func headBranch() throws -> String? {
        var reference: OpaquePointer?
        let code = git_reference_lookup(&reference, handle, "HEAD")
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try Libgit2.check(code, "git_reference_lookup")
        defer { git_reference_free(reference) }
        guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC,
            let target = git_reference_symbolic_target(reference)
        else { return nil }
        return String(cString: target)
    }

    /// Points `name` at `target` only if it currently points at `expected` (nil: only if it does
    /// not exist yet). A lost race throws a `GitError` of kind `.modified` or `.exists`.
    public func updateReference(_ name: String, to target: ObjectID, expecting expected: ObjectID?, logMessage: String) throws {
        var reference: OpaquePointer?
        var newOID = target.oid
        if let expected {
            var currentOID = expected.oid
            try Libgit2.check(
                git_reference_create_matching(&reference, handle, name, &newOID, 1, &currentOID, logMessage),
                "git_reference_create_matching")
        } else {
            // "Only if absent" is checked under the ref's lock: libgit2 compares the expected
            // zero id with the ref as it stands once locked. `git_reference_create` without
            // force checks for the ref before it takes the lock, so a writer that renames its
            // lock file into place in between would be overwritten.
            var absent = git_oid()
            try Libgit2.check(
                git_reference_create_matching(&reference, handle, name, &newOID, 1, &absent, logMessage),
                "git_reference_create_matching")
        }
        git_reference_free(reference)
    }

    /// Deletes `name` only if it currently points at `expected`.
    public func deleteReference(_ name: String, expecting expected: ObjectID) throws {
        var reference: OpaquePointer?
        try Libgit2.check(git_reference_lookup(&reference, handle, name), "git_reference_lookup")
        defer { git_reference_free(reference) }
        guard let current = git_reference_target(reference), ObjectID(current.pointee) == expected else {
            throw GitError(kind: .modified, function: "git_reference_delete", code: GIT_EMODIFIED.rawValue,
                           message: "reference '\(name)' no longer points at \(expected.short)")
        }
        try Libgit2.check(git_reference_delete(reference), "git_reference_delete")
    }

    // MARK: Commits

    /// Commits exactly `paths` (relative to the working tree) as they are on disk, removing any
    /// that no longer exist, on top of HEAD: the commit's tree is HEAD's tree with those paths
    /// replaced, so nothing else staged in the index goes in with them. The index is updated for
    /// those paths only and otherwise left as it was. libgit2 refuses the commit if HEAD moved
    /// since it was read, so two writers cannot silently overwrite each other.
    @discardableResult
    public func commit(paths: [String], message: String, author: Signature, committer: Signature? = nil) throws -> ObjectID {
        guard let root = workingDirectory else {
            throw GitError(kind: .other, function: "git_repository_workdir", code: -1,
                           message: "a bare repository has no working tree to commit from")
        }
        let parent = try head()
        // The tree to commit: HEAD's, with `paths` as they are on disk, built in an index of its own.
        var tree: OpaquePointer?
        try Libgit2.check(git_index_new(&tree), "git_index_new")
        defer { git_index_free(tree) }
        if let parent {
            try lookupCommit(parent) { commit in
                var headTree: OpaquePointer?
                try Libgit2.check(git_commit_tree(&headTree, commit), "git_commit_tree")
                defer { git_tree_free(headTree) }
                try Libgit2.check(git_index_read_tree(tree, headTree), "git_index_read_tree")
            }
        }
        var index: OpaquePointer?
        try Libgit2.check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        for path in paths.sorted() {
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
                try Libgit2.check(git_index_add_bypath(index, path), "git_index_add_bypath")
                guard let staged = git_index_get_bypath(index, path, 0) else {
                    throw GitError(kind: .notFound, function: "git_index_get_bypath", code: GIT_ENOTFOUND.rawValue,
                                   message: "\(path) was added to the index but is not in it")
                }
                try Libgit2.check(git_index_add(tree, staged), "git_index_add")
            } else {
                for target in [index, tree] {
                    let code = git_index_remove_bypath(target, path)
                    if code != GIT_ENOTFOUND.rawValue { try Libgit2.check(code, "git_index_remove_bypath") }
                }
            }
        }
        try Libgit2.check(git_index_write(index), "git_index_write")
        var treeOID = git_oid()
        try Libgit2.check(git_index_write_tree_to(&treeOID, tree, handle), "git_index_write_tree_to")
        return try createCommit(tree: treeOID, updating: "HEAD", parent: parent, message: message,
                                author: author, committer: committer ?? author)
    }

    /// Stages `paths` (relative to the working tree) as they are on disk, as `git add` does.
    public func stage(_ paths: [String]) throws {
        var index: OpaquePointer?
        try Libgit2.check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        for path in paths { try Libgit2.check(git_index_add_bypath(index, path), "git_index_add_bypath") }
        try Libgit2.check(git_index_write(index), "git_index_write")
    }

    /// The paths whose entry in the index differs from HEAD: what `git commit` would take.
    public func stagedPaths() throws -> [String] {
        try statusPaths(show: GIT_STATUS_SHOW_INDEX_ONLY, under: "")
    }

    /// The paths under `folder` (relative to the working tree; `""` for all) whose content in the
    /// working tree differs from HEAD: changed, added (also untracked) or deleted, staged or not.
    /// Ignored files are left out.
    public func pathsChangedSinceHead(under folder: String) throws -> [String] {
        try statusPaths(show: GIT_STATUS_SHOW_INDEX_AND_WORKDIR, under: folder)
    }

    private func statusPaths(show: git_status_show_t, under folder: String) throws -> [String] {
        var options = git_status_options()
        try Libgit2.check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = show
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
        let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        var list: OpaquePointer?
        try Libgit2.check(git_status_list_new(&list, handle, &options), "git_status_list_new")
        defer { git_status_list_free(list) }
        var changed: [String] = []
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position) else { continue }
            let delta = entry.pointee.index_to_workdir ?? entry.pointee.head_to_index
            guard let delta, let path = delta.pointee.new_file.path ?? delta.pointee.old_file.path else { continue }
            let text = String(cString: path)
            if prefix.isEmpty || text.hasPrefix(prefix) { changed.append(text) }
        }
        return changed.sorted()
    }

    /// Writes a commit whose tree is `parent`'s tree (or empty) without touching any reference or
    /// the working tree. Used for marker commits such as locks.
    public func createDetachedCommit(parent: ObjectID?, message: String, author: Signature) throws -> ObjectID {
        var treeOID = git_oid()
        if let parent {
            treeOID = try lookupCommit(parent) { git_commit_tree_id($0).pointee }
        } else {
            var builder: OpaquePointer?
            try Libgit2.check(git_treebuilder_new(&builder, handle, nil), "git_treebuilder_new")
            defer { git_treebuilder_free(builder) }
            try Libgit2.check(git_treebuilder_write(&treeOID, builder), "git_treebuilder_write")
        }
        return try createCommit(tree: treeOID, updating: nil, parent: parent, message: message,
                                author: author, committer: author)
    }

    private func createCommit(tree treeOID: git_oid, updating ref: String?, parent: ObjectID?, message: String,
                              author: Signature, committer: Signature) throws -> ObjectID {
        var treeOID = treeOID
        var tree: OpaquePointer?
        try Libgit2.check(git_tree_lookup(&tree, handle, &treeOID), "git_tree_lookup")
        defer { git_tree_free(tree) }

        var parents: [OpaquePointer?] = []
        defer { parents.forEach { git_commit_free($0) } }
        if let parent {
            var parentOID = parent.oid
            var parentCommit: OpaquePointer?
            try Libgit2.check(git_commit_lookup(&parentCommit, handle, &parentOID), "git_commit_lookup")
            parents.append(parentCommit)
        }

        let authorSignature = try makeSignature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try makeSignature(committer)
        defer { git_signature_free(committerSignature) }

        var commitOID = git_oid()
        try Libgit2.check(
            git_commit_create(&commitOID, handle, ref, authorSignature, committerSignature, nil, message, tree,
                              parents.count, &parents),
            "git_commit_create")
        return ObjectID(commitOID)
    }

    private func makeSignature(_ signature: Signature) throws -> UnsafeMutablePointer<git_signature>? {
        var result: UnsafeMutablePointer<git_signature>?
        try Libgit2.check(
            git_signature_new(&result, signature.name, signature.email,
                              git_time_t(signature.date.timeIntervalSince1970), Int32(signature.utcOffsetMinutes)),
            "git_signature_new")
        return result
    }

    /// Reads one commit.
    public func commit(_ id: ObjectID) throws -> Commit {
        try lookupCommit(id) { commit in
            let parentCount = git_commit_parentcount(commit)
            let parents = (0..<parentCount).map { ObjectID(git_commit_parent_id(commit, $0).pointee) }
            return Commit(
                id: id,
                parents: parents,
                tree: ObjectID(git_commit_tree_id(commit).pointee),
                author: Self.signature(git_commit_author(commit)),
                committer: Self.signature(git_commit_committer(commit)),
                message: git_commit_message(commit).map { String(cString: $0) } ?? "")
        }
    }

    private func lookupCommit<T>(_ id: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        var oid = id.oid
        var commit: OpaquePointer?
        try Libgit2.check(git_commit_lookup(&commit, handle, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        return try body(commit!)
    }

    private static func signature(_ pointer: UnsafePointer<git_signature>?) -> Signature {
        guard let value = pointer?.pointee else { return Signature(name: "", email: "", date: Date(timeIntervalSince1970: 0)) }
        return Signature(
            name: value.name.map { String(cString: $0) } ?? "",
            email: value.email.map { String(cString: $0) } ?? "",
            date: Date(timeIntervalSince1970: TimeInterval(value.when.time)),
            utcOffsetMinutes: Int(value.when.offset))
    }

    /// The commits reachable from `start` (HEAD by default), newest first, at most `limit`.
    public func log(from start: ObjectID? = nil, limit: Int = .max) throws -> [Commit] {
        guard let tip = try start ?? head() else { return [] }
        var walker: OpaquePointer?
        try Libgit2.check(git_revwalk_new(&walker, handle), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        try Libgit2.check(git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
        var tipOID = tip.oid
        try Libgit2.check(git_revwalk_push(walker, &tipOID), "git_revwalk_push")
        var result: [Commit] = []
        var oid = git_oid()
        while result.count < limit {
            let code = git_revwalk_next(&oid, walker)
            if code == GIT_ITEROVER.rawValue { break }
            try Libgit2.check(code, "git_revwalk_next")
            result.append(try commit(ObjectID(oid)))
        }
        return result
    }

    // MARK: Trees and blobs

    /// The id of the blob at `path` in `commit`'s tree, or nil if there is none. Comparing these
    /// ids between a commit and its parent tells whether the commit touched the file.
    public func blobID(at path: String, in commit: ObjectID) throws -> ObjectID? {
        try withTreeEntry(at: path, in: commit) { entry in ObjectID(git_tree_entry_id(entry).pointee) }
    }

    /// The bytes of the file at `path` in `commit`, or nil if it has no such file.
    public func contents(at path: String, in commit: ObjectID) throws -> Data? {
        guard let id = try blobID(at: path, in: commit) else { return nil }
        return try blob(id)
    }

    /// The bytes of a blob.
    public func blob(_ id: ObjectID) throws -> Data {
        var oid = id.oid
        var blob: OpaquePointer?
        try Libgit2.check(git_blob_lookup(&blob, handle, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    /// The names of the entries directly under `path` ("" for the root) in `commit`, sorted.
    public func listDirectory(_ path: String, in commit: ObjectID) throws -> [String] {
        try lookupCommit(commit) { commitPointer in
            var root: OpaquePointer?
            try Libgit2.check(git_commit_tree(&root, commitPointer), "git_commit_tree")
            defer { git_tree_free(root) }
            var tree = root
            var subtree: OpaquePointer?
            defer { if subtree != nil { git_tree_free(subtree) } }
            if !path.isEmpty {
                var entry: OpaquePointer?
                let code = git_tree_entry_bypath(&entry, root, path)
                if code == GIT_ENOTFOUND.rawValue { return [] }
                try Libgit2.check(code, "git_tree_entry_bypath")
                defer { git_tree_entry_free(entry) }
                guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return [] }
                try Libgit2.check(git_tree_lookup(&subtree, handle, git_tree_entry_id(entry)), "git_tree_lookup")
                tree = subtree
            }
            let count = git_tree_entrycount(tree)
            return (0..<count).compactMap { git_tree_entry_byindex(tree, $0).flatMap { git_tree_entry_name($0) } }
                .map { String(cString: $0) }.sorted()
        }
    }

    private func withTreeEntry<T>(at path: String, in commit: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T? {
        try lookupCommit(commit) { commitPointer in
            var tree: OpaquePointer?
            try Libgit2.check(git_commit_tree(&tree, commitPointer), "git_commit_tree")
            defer { git_tree_free(tree) }
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, tree, path)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try Libgit2.check(code, "git_tree_entry_bypath")
            defer { git_tree_entry_free(entry) }
            return try body(entry!)
        }
    }
}
