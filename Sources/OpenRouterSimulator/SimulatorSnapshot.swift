public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--data` file: every key, every workspace with its budgets and spend, and the clock's
/// offset, and no secret (keys are found by the SHA-256 of the secret). Written to a temporary
/// file, flushed, then renamed over the old one.
///
/// Version 2 added `workspaces`. A version 1 file, which has none, reads as holding only the
/// default workspace (its keys all live there), and is written back as version 2.
public struct SimulatorSnapshot: Hashable, Sendable, Codable {
    public static let currentFormatVersion = 2
    /// The versions `load(from:)` reads.
    public static let readableFormatVersions: ClosedRange<Int> = 1...2

    public var formatVersion: Int
    public var clockOffset: TimeInterval
    public var keys: [StoredKey]
    public var workspaces: [StoredWorkspace]

    public init(clockOffset: TimeInterval, keys: [StoredKey], workspaces: [StoredWorkspace] = []) {
        formatVersion = Self.currentFormatVersion
        self.clockOffset = clockOffset
        self.keys = keys
        self.workspaces = workspaces
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case clockOffset = "clock_offset_seconds"
        case keys
        case workspaces
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        clockOffset = try c.decode(TimeInterval.self, forKey: .clockOffset)
        keys = try c.decode([StoredKey].self, forKey: .keys)
        workspaces = formatVersion >= 2 ? try c.decode([StoredWorkspace].self, forKey: .workspaces) : []
    }

    /// Reads a data file; nil if it does not exist yet.
    public static func load(from path: String) throws -> SimulatorSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let snapshot: SimulatorSnapshot
        do { snapshot = try decoder.decode(SimulatorSnapshot.self, from: data) } catch {
            throw SimulatorDataFileError(path: path, reason: "not a simulator data file (\(error))")
        }
        guard readableFormatVersions.contains(snapshot.formatVersion) else {
            throw SimulatorDataFileError(path: path, reason: "format version \(snapshot.formatVersion) is not supported")
        }
        return snapshot
    }

    /// Writes atomically: temporary file in the same folder, flushed, renamed.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data = try encoder.encode(self)
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw SimulatorDataFileError(path: path, reason: "cannot write \(temporary.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            // rename(2) replaces the old file in one step, so a reader sees the old or the new file.
            guard rename(temporary.path, path) == 0 else {
                throw SimulatorDataFileError(path: path, reason: "rename failed with errno \(errno)")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SimulatorDataFileError(path: path, reason: "cannot replace the file (\(error))")
        }
    }
}
