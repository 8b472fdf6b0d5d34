import ArgumentParser
import Engine
import Foundation
import Git

/// `keyplane unlock`: clears an apply lock left behind by a run that crashed.
struct UnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Clear the apply lock left by a crashed apply (after making sure no apply is running).",
        discussion: """
            Shows who holds the lock (git ref refs/keyplane/apply-lock) and removes it. Only do this when \
            that run is certainly gone. Then run `keyplane apply`: it first recovers what the crashed run \
            did from its journal.
            """)

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let git: GitRepository
        do { git = try GitRepository.open(at: repository.rootURL) } catch {
            throw CommandFailure("\(repository.rootText) is not in a git repository: \(error)")
        }
        guard let holder = try ApplyLock.current(in: git) else {
            print("The apply lock is free.")
            return
        }
        do {
            try ApplyLock.release(holder.commit, in: git)
        } catch {
            throw CommandFailure("the lock changed while clearing it (another apply may be running): \(error)")
        }
        print("Cleared the apply lock held by \(holder). Run `keyplane apply` to recover and finish that run's work.")
    }
}
