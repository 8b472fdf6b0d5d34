import FileSystem
import Foundation

/// The commands' files (a saved plan, STATUS.md written with --out), replaced the one safe way
/// (`AtomicFile`), with the failure in the command's words.
enum AtomicWrite {
    static func write(_ data: Data, to url: URL, permissions: Int = 0o644) throws {
        do { try AtomicFile.write(Array(data), to: url, mode: mode_t(permissions)) } catch {
            throw CommandFailure("\(error)")
        }
    }
}
