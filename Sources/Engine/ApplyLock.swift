import Domain
public import Foundation
public import Git

/// The lock that keeps two applies apart. It lives in git itself: a ref that points at a marker
/// commit naming the holder, created by compare-and-swap, so exactly one of two racing runs wins.
public enum ApplyLock {
    /// The ref that holds the lock while an apply runs.
    public static let reference = "refs/keyplane/apply-lock"

    /// Who holds the lock, as recorded in its marker commit.
    public struct Holder: Equatable, Sendable, CustomStringConvertible {
        public var who: String
        public var since: Date
        public var commit: ObjectID
        /// The host and process id of the run, when it recorded them.
        public var host: String?
        public var pid: Int32?

        public var description: String { "\(who), since \(UTCTime.text(since, .dateTime))" }

        /// True when the holder ran on this host and its process is gone: it crashed or was killed.
        public var isDeadOnThisHost: Bool {
            guard let host, let pid, host == ProcessInfo.processInfo.hostName, pid > 0 else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
    }

    /// Why the lock could not be taken.
    public struct Held: Error, CustomStringConvertible {
        public let holder: Holder
        public var description: String {
            let advice = holder.isDeadOnThisHost
                ? "That process is no longer running on this host, so the lock is stale: run `keyplane unlock`, then `keyplane apply`, and the journal recovers what it did."
                : "Wait for it to finish. If that run crashed, run `keyplane apply` again after `keyplane unlock`, and the journal recovers what it did."
            return "another apply holds the lock: \(holder) (git ref \(ApplyLock.reference)). \(advice)"
        }
    }

    /// Takes the lock for `who`, or throws `Held` naming the current holder.
    public static func acquire(in repository: GitRepository, who: String, now: Date = Date()) throws -> ObjectID {
        let message = """
            keyplane apply lock

            Held-By: \(who)
            Since: \(Int(now.timeIntervalSince1970))
            Host: \(ProcessInfo.processInfo.hostName)
            Pid: \(ProcessInfo.processInfo.processIdentifier)

            """
        let marker = try repository.createDetachedCommit(
            parent: nil, message: message, author: Signature(name: "keyplane", email: "keyplane@localhost", date: now))
        do {
            try whileGitLocksTheRef {
                try repository.updateReference(reference, to: marker, expecting: nil, logMessage: "keyplane: take the apply lock")
            }
            return marker
        } catch let error as GitError where error.kind == .exists || error.kind == .modified {
            if let holder = try current(in: repository) { throw Held(holder: holder) }
            throw error
        }
    }

    /// Runs `change` on the lock ref, again while git's own lock file on the ref is in place. Two
    /// runs started at the same moment meet there: one finds the file while the other writes the
    /// ref, and a moment later finds the ref naming the winner (or free again, if the other failed).
    /// A lock file that stays is reported with what to do about it.
    static func whileGitLocksTheRef(_ change: () throws -> Void) throws {
        let deadline = Date().addingTimeInterval(lockFileWait)
        while true {
            do {
                return try change()
            } catch let error as GitError where error.kind == .locked {
                guard Date() < deadline else {
                    throw GitError(
                        kind: .locked, function: error.function, code: error.code,
                        message: "git's lock file on \(reference) stayed in place for \(secondsText(lockFileWait)) (\(error.message)); if no keyplane or git process is running in this repository, delete .git/\(reference).lock and try again")
                }
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    /// The environment variable that sets `lockFileWait`, in seconds.
    public static let lockFileWaitVariable = "KEYPLANE_LOCK_FILE_WAIT"

    /// How long to wait for another process's git lock file on the lock ref to go away: 5 s, or
    /// the seconds `KEYPLANE_LOCK_FILE_WAIT` says (0 or more, such as `0.2`; tests use it so as
    /// not to wait out the default).
    static let lockFileWait: TimeInterval = lockFileWait(environment: ProcessInfo.processInfo.environment)

    /// The wait `environment` sets, or 5 s when it sets none or no number of 0 seconds or more.
    static func lockFileWait(environment: [String: String]) -> TimeInterval {
        guard let text = environment[lockFileWaitVariable], let seconds = TimeInterval(text), seconds.isFinite, seconds >= 0
        else { return 5 }
        return seconds
    }

    /// `5 s`, `0.2 s`.
    private static func secondsText(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? "\(Int64(seconds)) s" : "\(seconds) s"
    }

    /// The current holder, or nil when the lock is free.
    public static func current(in repository: GitRepository) throws -> Holder? {
        guard let id = try repository.resolve(reference: reference) else { return nil }
        let commit = try repository.commit(id)
        let trailers = Dictionary(commit.trailers.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let since = trailers["Since"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) } ?? commit.author.date
        return Holder(who: trailers["Held-By"] ?? "unknown", since: since, commit: id, host: trailers["Host"],
                      pid: trailers["Pid"].flatMap { Int32($0) })
    }

    /// Releases a lock this run took (only if it still points at this run's marker).
    public static func release(_ marker: ObjectID, in repository: GitRepository) throws {
        try whileGitLocksTheRef { try repository.deleteReference(reference, expecting: marker) }
    }

    /// A description of this process for the lock: user, host and process id.
    public static func describeThisRun(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let user = environment["GITHUB_ACTOR"] ?? environment["USER"] ?? "unknown user"
        let host = ProcessInfo.processInfo.hostName
        var text = "\(user)@\(host) pid \(ProcessInfo.processInfo.processIdentifier)"
        if let run = environment["GITHUB_RUN_ID"] { text += " (GitHub run \(run))" }
        return text
    }
}
