import Cryptography
import Synchronization

/// The state's MAC: HMAC-SHA-256 under the MAC key over
///
///     frame("keyplane-state-v1 mac") ‖ C(header without mac) ‖ u64(number of client files)
///     ‖ for each client file in the UTF-8 order of client ids: frame(client id) ‖ C(file)
///
/// (`docs-site/state-format.md`). Each client's part depends on that client alone, so the parts
/// are built on any thread, in any order, while the files are parsed or written; the HMAC takes
/// each part as soon as every part before it has been taken, so hashing, which cannot be split,
/// runs alongside the rest instead of after it. Reading and writing both compute the MAC here, so
/// they cannot disagree on what it covers.
final class StateMAC: @unchecked Sendable {
    /// Only the thread holding the hashing turn (`Progress.hashing`, taken and handed back under
    /// the lock) touches the HMAC, so no two threads use it at once, and the others never wait
    /// for a part to be hashed: they leave their part and go back to their own work.
    private let hmac: HMACSHA256
    private let progress: Mutex<Progress>

    private struct Progress {
        let count: Int
        /// Parts that are ready but wait for an earlier one, by client index.
        var waiting: [Int: [UInt8]] = [:]
        /// The index of the next part the HMAC takes.
        var next = 0
        /// Whether a thread holds the turn to hash.
        var hashing = false
        var failure: (any Error)?

        /// The ready parts from `next` on, in order, if any, for the thread that holds the turn or
        /// takes it now; the turn is handed back when there are none.
        mutating func takeRun(holdingTurn: Bool) -> [[UInt8]] {
            guard holdingTurn || !hashing else { return [] }
            var run: [[UInt8]] = []
            while let part = waiting.removeValue(forKey: next) {
                run.append(part)
                next += 1
            }
            hashing = !run.isEmpty
            return run
        }
    }

    /// Starts the MAC of a state with `header` (its `mac` is ignored) and `clientCount` client files.
    init(key: [UInt8], header: HeaderDocument, clientCount: Int) throws {
        var head = MACInput(reservingCapacity: 1024)
        head.appendFrame(StateFormat.macDomain)
        header.appendCanonicalWithoutMAC(to: &head)
        head.appendUInt64(UInt64(clientCount))
        hmac = try HMACSHA256(key: key)
        try hmac.update(head.bytes)
        progress = Mutex(Progress(count: clientCount))
    }

    /// Adds the part of the client file at `index` in the UTF-8 order of client ids. Any thread
    /// may add any part, once.
    func add(_ client: ClientDocument, at index: Int) {
        var part = MACInput(reservingCapacity: client.estimatedCanonicalSize)
        part.appendFrame(client.client)
        client.appendCanonical(to: &part)
        let bytes = part.bytes
        var run = progress.withLock { progress in
            progress.waiting[index] = bytes
            return progress.takeRun(holdingTurn: false)
        }
        // Whoever completes the run of parts in order hashes it, outside the lock.
        while !run.isEmpty {
            var failure: (any Error)?
            for part in run {
                do { try hmac.update(part) } catch {
                    failure = error
                    break
                }
            }
            run = progress.withLock { progress in
                if let failure, progress.failure == nil { progress.failure = failure }
                return progress.takeRun(holdingTurn: true)
            }
        }
    }

    /// The MAC, after every client's part was added.
    func finish() throws -> [UInt8] {
        try progress.withLock { progress in
            if let failure = progress.failure { throw failure }
            guard progress.next == progress.count, progress.waiting.isEmpty, !progress.hashing else {
                throw CryptoError(kind: .invalidInput, function: "StateMAC.finish",
                                  message: "\(progress.next) of \(progress.count) client parts were added")
            }
            return try hmac.finish()
        }
    }
}
