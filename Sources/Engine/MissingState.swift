import Domain
import Foundation
import Git
import SealedState

/// A missing state is never an empty state. With no state in the working tree a plan would create
/// every declared key again, beside the live ones it would call unmanaged, and an apply of it
/// would duplicate them all. So before planning from no state, keyplane looks for signs that this
/// repository did have one, and refuses with what to do when it finds any.
enum MissingState {
    /// Throws when `workspace` has no state but its files are partly there, git has a state
    /// committed at HEAD, or OpenRouter holds keys with keyplane's creation markers. `live` is
    /// nil when the plan did not refresh.
    static func check(_ workspace: Workspace, live: [LiveKey]?) throws {
        let store = workspace.state
        guard !store.exists else { return }
        let folder = store.folder
        let files = FileManager.default
        let leftovers = ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != ".gitignore" }
        if !leftovers.isEmpty {
            throw OperationFailure("""
                the state in \(store.displayName)/ is incomplete: its header (\(store.displayName)/keyplane-state.json) is \
                missing but \(leftovers.sorted().joined(separator: ", ")) \(leftovers.count == 1 ? "is" : "are") there, so \
                nothing was planned. Restore the state from git (`git checkout HEAD -- \(store.displayName)/`) or from a \
                backup; never plan from a partial state.
                """)
        }
        if let git = try? GitRepository.open(at: workspace.root), let head = try? git.head(),
            let paths = try? RepositoryPaths(root: workspace.root, git: git),
            (try? git.blobID(at: paths.inGit("\(store.displayName)/keyplane-state.json"), in: head)) != nil {
            throw OperationFailure("""
                there is no state in \(store.displayName)/, but git has one committed at HEAD (\(head.short)): without it \
                this plan would create every key again beside the live ones. Nothing was planned. Restore it with \
                `git checkout HEAD -- \(store.displayName)/`; if you meant to start over, remove it from git first, in \
                a commit of its own.
                """)
        }
        let marked = (live ?? []).filter { CreationMarkers.isKeyplaneName($0.values.name) }
        if !marked.isEmpty {
            throw OperationFailure("""
                there is no state in \(store.displayName)/, but OpenRouter holds \(marked.count) key\(marked.count == 1 ? "" : "s") \
                that keyplane created (named like '\(marked[0].values.name)'): they belong to a state that is missing \
                here. Nothing was planned. Restore that state (from git history or a backup) instead of planning from \
                none, which would create every key again; adopt keys one by one with `keyplane import` only if the \
                state is lost for good.
                """)
        }
    }
}

/// The creation markers keyplane writes into the names of the keys it creates: `address
/// [kp-0123456789ab]`.
enum CreationMarkers {
    static func isKeyplaneName(_ name: String) -> Bool {
        guard let open = name.range(of: " [kp-", options: .backwards), name.hasSuffix("]") else { return false }
        let hex = name[open.upperBound..<name.index(before: name.endIndex)]
        return hex.count == 12 && hex.allSatisfy(\.isHexDigit)
    }
}
