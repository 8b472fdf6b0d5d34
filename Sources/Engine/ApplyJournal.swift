public import Domain
public import Foundation

/// Apply's write-ahead journal. Before each create it records the intent with the create's unique
/// marker; as soon as OpenRouter answers, it records the new key with its secret already sealed
/// under the state's key, and flushes to disk before anything else happens. A run killed at any
/// point leaves a journal from which the next run recovers every secret, or finds the key by its
/// marker when the answer was lost.
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
        public var name: String?
        public var sealedSecret: String?
        public var createdAt: Date?
        public var expiresAt: Date?
        public var generation: Int?

        public init(event: Event, address: KeyAddress, marker: String? = nil, hash: String? = nil, name: String? = nil,
                    sealedSecret: String? = nil, createdAt: Date? = nil, expiresAt: Date? = nil, generation: Int? = nil) {
            self.event = event
            self.address = address
            self.marker = marker
            self.hash = hash
            self.name = name
            self.sealedSecret = sealedSecret
            self.createdAt = createdAt
            self.expiresAt = expiresAt
            self.generation = generation
        }
    }

    public let url: URL
    private let handle: FileHandle
    private let encoder: JSONEncoder

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

    /// Appends `record` and flushes it to disk before returning.
    public func append(_ record: Record) throws {
        var line = try encoder.encode(record)
        line.append(0x0a)
        try handle.write(contentsOf: line)
        try handle.synchronize()
    }

    /// Every complete record in the journal at `url` (a torn last line from a crash is ignored).
    public static func records(at url: URL) throws -> [Record] {
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { return [] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
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
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
