import FileSystem
public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder of one write, opened: it was checked to be keyplane's (or empty, or absent),
/// and what an earlier run left in it was listed. Files can then be written into it from several
/// threads at once; the folders they go in are created when first needed. All the POSIX calls
/// of the site writer are here: a status site is thousands of small files, and Foundation costs
/// several times more per file.
///
/// Opening lists the folder, so a caller with other work to wait on can open it early.
public struct SiteFolder: Sendable {
    let root: URL
    let rootPath: String
    /// Regular files under the root when it was opened, relative to it.
    let previousFiles: Set<String>

    /// Opens `output`, refusing a folder that holds anything and has no marker file.
    public init(_ output: URL) throws {
        root = output.standardizedFileURL
        rootPath = root.path
        let manager = FileManager.default
        if manager.fileExists(atPath: rootPath) {
            let existing = try manager.contentsOfDirectory(atPath: rootPath)
            if !existing.isEmpty, !manager.fileExists(atPath: rootPath + "/" + SiteWriter.markerName) {
                throw SiteWriter.Failure(
                    path: rootPath, message: "the folder is not empty and was not written by keyplane site; choose an empty folder")
            }
        }
        var files = Set<String>()
        Self.list(rootPath, relative: "", files: &files)
        previousFiles = files
    }

    /// Makes the file at `relative` hold exactly `data`. A file that already holds it is left
    /// alone; any other is overwritten in place and cut to length. It is never truncated to zero
    /// first: on ext4 a file truncated to zero is flushed to disk when it is closed, which makes
    /// rewriting a site of thousands of pages wait on the disk. Returns whether bytes were written.
    @discardableResult
    func write(_ data: Data, to relative: String) throws -> Bool {
        let path = rootPath + "/" + relative
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(path[..<slash]))
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure(path, "open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, "fstat") }
        let oldSize = Int(status.st_size)
        return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            if oldSize == bytes.count, try Self.holds(descriptor, bytes, path: path) { return false }
            do { try FileDescriptor.writeAll(bytes, to: descriptor, path: path, fromStart: true) } catch {
                throw failure(path, "write")
            }
            if oldSize > bytes.count, ftruncate(descriptor, off_t(bytes.count)) != 0 { throw failure(path, "ftruncate") }
            return true
        }
    }

    /// Creates the folder at `path` and any missing parents. Another thread creating the same
    /// folder at the same time is not an error.
    private func makeFolder(_ path: String) throws {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { throw failure(path, "mkdir") }
        try makeFolder(String(path[..<slash]))
        if mkdir(path, 0o777) != 0, errno != EEXIST { throw failure(path, "mkdir") }
    }

    /// Removes the file at `relative`.
    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: rootPath + "/" + relative)
    }

    /// Whether the open file, known to be `expected.count` bytes long, holds exactly `expected`.
    private static func holds(_ descriptor: Int32, _ expected: UnsafeRawBufferPointer, path: String) throws -> Bool {
        guard !expected.isEmpty else { return true }
        return try withUnsafeTemporaryAllocation(byteCount: expected.count, alignment: 16) { buffer in
            var offset = 0
            while offset < expected.count {
                let count = pread(descriptor, buffer.baseAddress! + offset, expected.count - offset, off_t(offset))
                if count < 0 {
                    if errno == EINTR { continue }
                    throw SiteWriter.Failure(path: path, message: "read: \(String(cString: strerror(errno)))")
                }
                if count == 0 { return false }
                offset += count
            }
            return memcmp(buffer.baseAddress!, expected.baseAddress!, expected.count) == 0
        }
    }

    private func failure(_ path: String, _ call: String) -> SiteWriter.Failure {
        SiteWriter.Failure(path: path, message: "\(call): \(String(cString: strerror(errno)))")
    }

    /// Adds the files under `path` to `files`, as paths relative to the root (`relative` is
    /// `path`'s). Symbolic links are followed to tell files from folders, but a linked folder is
    /// not descended into. A folder that cannot be read counts as empty.
    private static func list(_ path: String, relative: String, files: inout Set<String>) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let childPath = path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                list(childPath, relative: childRelative, files: &files)
            case Int32(DT_REG):
                files.insert(childRelative)
            default:
                var status = stat()
                guard stat(childPath, &status) == 0 else { continue }
                if status.st_mode & S_IFMT != S_IFDIR { files.insert(childRelative) }
            }
        }
    }
}
