public import Foundation
public import Git

/// Paths inside the keyplane repository (the folder given by --repo) as git sees them. The
/// keyplane repository may be a subfolder of a larger git repository, and git paths start at the
/// top of the working tree: `state/…` in `infra/keys/` is `infra/keys/state/…` to git.
public struct RepositoryPaths {
    /// The keyplane folder's path from the top of git's working tree, with a trailing `/`, or "" at the top.
    public let prefix: String

    public init(root: URL, git: GitRepository) throws {
        guard let top = git.workingDirectory else {
            throw OperationFailure("\(root.path) is in a bare git repository; keyplane needs a working tree")
        }
        let topPath = top.resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        let base = topPath.hasSuffix("/") ? topPath : topPath + "/"
        if rootPath == topPath || rootPath + "/" == base {
            prefix = ""
        } else if rootPath.hasPrefix(base) {
            prefix = String(rootPath.dropFirst(base.count)) + "/"
        } else {
            throw OperationFailure("\(root.path) is not inside the working tree of the git repository at \(topPath)")
        }
    }

    /// `path`, relative to the keyplane folder, as a path from the top of git's working tree.
    public func inGit(_ path: String) -> String { prefix + path }
}
