internal import CGit2

/// libgit2 needs one global initialisation per process. Swift globals are initialised lazily and
/// exactly once, which makes this safe to touch from any thread.
private let libgit2Ready: Void = {
    git_libgit2_init()
    // Repositories in temporary folders or CI checkouts may be owned by another user; keyplane
    // only opens repositories it was pointed at, so ownership validation adds nothing.
    _ = cgit2_set_owner_validation(0)
}()

enum Libgit2 {
    static func ensureInitialized() { _ = libgit2Ready }

    /// Turns a libgit2 return code into a thrown `GitError` carrying `git_error_last()`'s message.
    @discardableResult
    static func check(_ code: Int32, _ function: String) throws -> Int32 {
        guard code < 0 else { return code }
        throw error(code, function)
    }

    static func error(_ code: Int32, _ function: String) -> GitError {
        let message: String
        if let last = git_error_last(), let text = last.pointee.message {
            message = String(cString: text)
        } else {
            message = "no message from libgit2"
        }
        let kind: GitError.Kind
        switch code {
        case GIT_ENOTFOUND.rawValue: kind = .notFound
        case GIT_EMODIFIED.rawValue: kind = .modified
        case GIT_EEXISTS.rawValue: kind = .exists
        case GIT_ELOCKED.rawValue: kind = .locked
        case GIT_ENONFASTFORWARD.rawValue: kind = .rejected
        default: kind = .other
        }
        return GitError(kind: kind, function: function, code: code, message: message)
    }
}
