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
final class StateMAC: Sendable {
    private struct Progress {
        let hmac: HMACSHA256
        let count: Int
        /// Parts that are ready but wait for an earlier one, by client index.
        var waiting: [Int: [UInt8]] = [:]
        /// The index of the next part the HMAC takes.
        var next = 0
        var failure: (any Error)?
    }

    private let progress: Mutex<Progress>

    /// Starts the MAC of a state with `header` (its `mac` is ignored) and `clientCount` client files.
    init(key: [UInt8], header: HeaderDocument, clientCount: Int) throws {
        var head = MACInput(reservingCapacity: 1024)
        head.appendFrame(StateFormat.macDomain)
        header.appendCanonicalWithoutMAC(to: &head)
        head.appendUInt64(UInt64(clientCount))
        let hmac = try HMACSHA256(key: key)
        try hmac.update(head.bytes)
        progress = Mutex(Progress(hmac: hmac, count: clientCount))
    }

    /// Adds the part of the client file at `index` in the UTF-8 order of client ids. Any thread
    /// may add any part, once.
    func add(_ client: ClientDocument, at index: Int) {
        var part = MACInput(reservingCapacity: client.estimatedCanonicalSize)
        part.appendFrame(client.client)
        client.appendCanonical(to: &part)
        let bytes = part.bytes
        progress.withLock { progress in
            progress.waiting[index] = bytes
            // Whoever completes the run of parts in order hashes it; a later part just waits.
            while let next = progress.waiting.removeValue(forKey: progress.next) {
                progress.next += 1
                guard progress.failure == nil else { continue }
                do { try progress.hmac.update(next) } catch { progress.failure = error }
            }
        }
    }

    /// The MAC, after every client's part was added.
    func finish() throws -> [UInt8] {
        try progress.withLock { progress in
            if let failure = progress.failure { throw failure }
            guard progress.next == progress.count, progress.waiting.isEmpty else {
                throw CryptoError(kind: .invalidInput, function: "StateMAC.finish",
                                  message: "\(progress.next) of \(progress.count) client parts were added")
            }
            return try progress.hmac.finish()
        }
    }
}
