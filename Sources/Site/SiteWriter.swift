public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a rendered site into its output folder. The folder is keyplane's: a marker file says
/// so, files of an earlier run that the new one does not have are removed, and a folder that
/// holds anything else and has no marker is refused rather than mixed into.
public enum SiteWriter {
    /// The marker file in every output folder.
    public static let markerName = ".keyplane-site"

    /// What a write did.
    public struct Summary: Equatable, Sendable {
        /// Files written.
        public var written: Int
        /// Files of an earlier run removed because the new site does not have them.
        public var removed: Int
    }

    /// Why the site could not be written.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "cannot write the site to \(path): \(message)" }
    }

    /// Writes `files` into `output`, creating it if needed.
    @discardableResult
    public static func write(_ files: [SiteFile], to output: URL) throws -> Summary {
        let manager = FileManager.default
        let root = output.standardizedFileURL
        let marker = root.appendingPathComponent(markerName)
        if manager.fileExists(atPath: root.path) {
            let existing = try manager.contentsOfDirectory(atPath: root.path)
            if !existing.isEmpty, !manager.fileExists(atPath: marker.path) {
                throw Failure(path: root.path, message: "the folder is not empty and was not written by keyplane site; choose an empty folder")
            }
        }
        let previous = Set(try listFiles(under: root))
        var folders = Set<String>()
        for file in files {
            let folder = root.appendingPathComponent(file.path).deletingLastPathComponent().path
            if folders.insert(folder).inserted {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
        let rootPath = root.path
        _ = try ParallelWork.map(files) { file in try writeFile(file.contents, to: rootPath + "/" + file.path) }
        var written = Set(files.map(\.path))
        try Data("Written by keyplane site. Files here are replaced on every run.\n".utf8).write(to: marker)
        written.insert(markerName)
        var removed = 0
        for path in previous.subtracting(written).sorted() {
            try manager.removeItem(at: root.appendingPathComponent(path))
            removed += 1
        }
        return Summary(written: files.count, removed: removed)
    }

    /// Writes `data` to `path` with plain POSIX calls: a status site is thousands of small files,
    /// and Foundation's `Data.write` costs several times more per file here.
    private static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, message: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let count = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, message: String(cString: strerror(errno)))
                }
                offset += count
            }
        }
    }

    /// Every regular file under `root`, as paths relative to it.
    static func listFiles(under root: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result
    }
}
