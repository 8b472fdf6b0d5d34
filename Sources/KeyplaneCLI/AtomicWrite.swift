import Foundation

/// Writes a file the safe way: a temporary file beside it, flushed, then renamed over it.
enum AtomicWrite {
    static func write(_ data: Data, to url: URL, permissions: Int = 0o644) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: permissions]) else {
            throw CommandFailure("cannot write \(url.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else {
                throw CommandFailure("cannot rename \(temporary.lastPathComponent) to \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("cannot write \(url.path): \(error)")
        }
    }
}
