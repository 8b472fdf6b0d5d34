import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file writes that never leave a half-written file: write a temporary file in the same
/// folder, flush it to disk, rename it over the target, then flush the folder.
enum AtomicFile {
    /// Replaces one file and flushes its folder, so the new file survives a crash once this
    /// returns.
    static func write(_ bytes: [UInt8], to url: URL, mode: mode_t = 0o644) throws(StateError) {
        try replace(url, with: bytes, mode: mode)
        syncFolder(url.deletingLastPathComponent())
    }

    /// Replaces one file of a batch in the same folder: its content is flushed before the rename,
    /// so the name never points at a partial file, but the rename itself survives a crash only
    /// once the caller flushes the folder (`syncFolder`), once for the whole batch.
    static func replace(_ url: URL, with bytes: [UInt8], mode: mode_t = 0o644) throws(StateError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw StateError.io(path: temporary.path, message: String(cString: strerror(errno))) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in Glibc.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                unlink(temporary.path)
                throw StateError.io(path: temporary.path, message: message)
            }
            offset += written
        }
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            throw StateError.io(path: temporary.path, message: message)
        }
        close(descriptor)
        closed = true
        guard rename(temporary.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            throw StateError.io(path: url.path, message: message)
        }
    }

    /// Flushes a folder's entries, so a rename survives a crash.
    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        // A folder that cannot be flushed still holds the renamed file; the flush only hardens it.
        _ = fsync(descriptor)
        close(descriptor)
    }
}
