public import Domain
public import Foundation

/// Apply's write-ahead journal. Before each create it records the intent with the create's unique
/// marker; as soon as OpenRouter answers, it records the new key with its secret already sealed
/// under the state's key, and flushes to disk before anything else happens. A run killed at any
/// point leaves a journal from which the next run recovers every secret, or finds the key by its
/// marker when the answer was lost.
///
/// Flushes are group commits: `append` writes its line at once and returns only when an `fsync`
/// that began after the write has finished. One `fsync` runs at a time, off the concurrency
/// pool, and covers every line written before it began, so the changes in flight share flushes
/// instead of queueing for one each (about 1 ms apiece on this machine's disk).
public actor ApplyJournal {
    /// One line of the journal.
    public struct Record: Codable, Equatable, Sendable {
        public enum Event: String, Codable, Sendable {
            /// A create is about to be sent with this marker in the key's name.
            case intent
            /// The key exists; its secret is sealed in `sealedSecret`.
            case created
            /// The key with this hash was deleted.
            case deleted
        }

        public var event: Event
        public var address: KeyAddress
        public var marker: String?
        public var hash: String?
        /// The created key's settings, its name with the marker and its expiry included.
        public var values: KeyValues?
        public var sealedSecret: String?
        public var createdAt: Date?
        public var generation: Int?

        /// The names in the file, spelled out: a key strategy converts every name of every line.
        enum CodingKeys: String, CodingKey {
            case event, address, marker, hash, values
            case sealedSecret = "sealed_secret"
            case createdAt = "created_at"
            case generation
        }

        public init(event: Event, address: KeyAddress, marker: String? = nil, hash: String? = nil, values: KeyValues? = nil,
                    sealedSecret: String? = nil, createdAt: Date? = nil, generation: Int? = nil) {
            self.event = event
            self.address = address
            self.marker = marker
            self.hash = hash
            self.values = values
            self.sealedSecret = sealedSecret
            self.createdAt = createdAt
            self.generation = generation
        }
    }

    public let url: URL
    private let handle: FileHandle
    private let encoder: JSONEncoder
    /// How many lines were written; the sequence number of the last one.
    private var written: UInt64 = 0
    /// Whether an `fsync` is running.
    private var flushing = false
    /// Appends waiting for a flush that covers their line, with that line's sequence number.
    private var waiting: [(line: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    /// Where the flushes run: one at a time, never on a thread of the concurrency pool.
    private let flusher = DispatchQueue(label: "keyplane.apply-journal.fsync")

    /// Opens (creating if needed) the journal at `url` for appending.
    public init(url: URL) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        encoder = Self.makeEncoder()
    }

    deinit { try? handle.close() }

    /// Appends `record` and returns once it is flushed to disk.
    public func append(_ record: Record) async throws {
        var line = try encoder.encode(record)
        line.append(0x0a)
        try handle.write(contentsOf: line)
        written += 1
        let sequence = written
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((sequence, continuation))
            flushIfIdle()
        }
    }

    /// Starts an `fsync` covering every line written so far, unless one is running: the lines
    /// written meanwhile wait for the next.
    private func flushIfIdle() {
        guard !flushing, !waiting.isEmpty else { return }
        flushing = true
        let covered = written
        let descriptor = handle.fileDescriptor
        flusher.async {
            var failure: (any Error)?
            while fsync(descriptor) != 0 {
                guard errno == EINTR else {
                    failure = CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: self.url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
                    break
                }
            }
            Task { await self.flushed(through: covered, failure: failure) }
        }
    }

    /// Resumes the appends whose lines the finished flush covered, and starts the next flush.
    private func flushed(through covered: UInt64, failure: (any Error)?) {
        flushing = false
        var stillWaiting: [(line: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        for waiter in waiting {
            if waiter.line > covered {
                stillWaiting.append(waiter)
            } else if let failure {
                waiter.continuation.resume(throwing: failure)
            } else {
                waiter.continuation.resume()
            }
        }
        waiting = stillWaiting
        flushIfIdle()
    }

    /// Every complete record in the journal at `url` (a torn last line from a crash is ignored).
    public static func records(at url: URL) throws -> [Record] {
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var records: [Record] = []
        for line in data.split(separator: 0x0a) where !line.isEmpty {
            guard let record = try? decoder.decode(Record.self, from: Data(line)) else { continue }
            records.append(record)
        }
        return records
    }

    /// Removes the journal once its records are in the committed state.
    public static func remove(at url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
