import FileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes text that holds secrets to a new file readable only by its owner (mode 0600 from the
/// moment it exists), refusing to overwrite one.
enum SecretsFile {
    static func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists; remove it or choose another path" : String(cString: strerror(errno))
            throw CommandFailure("cannot create \(path): \(reason)")
        }
        defer { close(descriptor) }
        do { try FileDescriptor.writeAll(Array(text.utf8), to: descriptor, path: path) } catch {
            throw CommandFailure("\(error)")
        }
        guard fchmod(descriptor, 0o600) == 0, fsync(descriptor) == 0 else {
            throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
