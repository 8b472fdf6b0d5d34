public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written, with the system's reason.
public struct FileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// The error for the current `errno`.
    static func current(_ path: String) -> FileError { FileError(path: path, message: String(cString: strerror(errno))) }

    public var description: String { "cannot write \(path): \(message)" }
}

/// Whole-file writes that never leave a half-written file: write a temporary file in the same
/// folder, flush it to disk, rename it over the target, then flush the folder. The one way
/// keyplane replaces a file: the state, STATUS.md, saved plans, site pages.
public enum AtomicFile {
    /// Replaces one file and flushes its folder, so the new file survives a crash once this
    /// returns.
    public static func write(_ bytes: [UInt8], to url: URL, mode: mode_t = 0o644) throws(FileError) {
        try replace(url, with: bytes, mode: mode)
        syncFolder(url.deletingLastPathComponent())
    }

    /// Replaces one file of a batch in the same folder: its content is flushed before the rename,
    /// so the name never points at a partial file, but the rename itself survives a crash only
    /// once the caller flushes the folder (`syncFolder`), once for the whole batch.
    public static func replace(_ url: URL, with bytes: [UInt8], mode: mode_t = 0o644) throws(FileError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileError.current(temporary.path) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do {
            try FileDescriptor.writeAll(bytes, to: descriptor, path: temporary.path)
        } catch {
            unlink(temporary.path)
            throw error
        }
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
            let error = FileError.current(temporary.path)
            unlink(temporary.path)
            throw error
        }
        close(descriptor)
        closed = true
        guard rename(temporary.path, url.path) == 0 else {
            let error = FileError.current(url.path)
            unlink(temporary.path)
            throw error
        }
    }

    /// Flushes a folder's entries, so a rename survives a crash.
    public static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        // A folder that cannot be flushed still holds the renamed file; the flush only hardens it.
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// Writing to an open file descriptor.
public enum FileDescriptor {
    /// Writes every byte, going on after partial writes and interruptions (`EINTR`): the one copy
    /// of that loop.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileError) {
        var failure: FileError?
        bytes.withUnsafeBytes { buffer in
            do throws(FileError) { try writeAll(buffer, to: descriptor, path: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes every byte of `buffer`, from the descriptor's position, or from the file's start
    /// with `fromStart` (a positional write, which leaves the position alone).
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String,
                                fromStart: Bool = false) throws(FileError) {
        var offset = 0
        while offset < buffer.count {
            let written = fromStart
                ? pwrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
                : Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError.current(path)
            }
            offset += written
        }
    }
}
