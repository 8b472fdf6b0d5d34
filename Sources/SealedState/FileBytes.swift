import Foundation

/// A whole file's bytes, read straight into an array: the state's client files are read by the
/// hundred, and going through `Data` copied every one of them a second time.
enum FileBytes {
    /// The bytes of the file at `path`, or nil when there is no such file.
    static func read(path: String) throws(StateError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw StateError.io(path: path, message: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw StateError.io(path: path, message: String(cString: strerror(errno))) }
        // The size is where reading starts: a file that grows while it is read is read to its end.
        var bytes: [UInt8] = []
        var chunk = max(Int(status.st_size), 0) + 1
        while true {
            var failure: Int32 = 0
            let got = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                while count < buffer.count {
                    let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if read == 0 { return }
                    if read < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    count += read
                }
            }
            guard failure == 0 else { throw StateError.io(path: path, message: String(cString: strerror(failure))) }
            if bytes.isEmpty { bytes = got } else { bytes += got }
            if got.count < chunk { return bytes }
            chunk = max(chunk, 1 << 16)
        }
    }
}
