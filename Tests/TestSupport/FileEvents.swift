public import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Changes under a folder, as the kernel reports them (inotify), so that a test waits on the event
/// itself (a file written, a ref renamed into place) instead of sleeping and looking again.
///
/// Every folder under the root is watched, folders created later too. `next()` returns once
/// something changed since the last call, or once `wake()` was called (a process ended). Nothing
/// is lost between a check and the next wait: events queue in the kernel until read.
/// Where inotify is missing (macOS), `next()` falls back to waiting 1 ms.
public final class FileEvents: Sendable {
    private let descriptor: Int32
    /// A pipe `wake()` writes to, read alongside the events.
    private let wakeRead: Int32, wakeWrite: Int32
    /// Watch descriptor → folder, to add the folders created inside a watched one.
    private let folders = Mutex<[Int32: String]>([:])

    /// Starts watching `root` and every folder below it.
    public init(watching root: URL) throws {
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw FileEventsError(call: "inotify_init1", code: errno) }
        #else
        descriptor = -1
        #endif
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw FileEventsError(call: "pipe", code: errno) }
        wakeRead = ends[0]
        wakeWrite = ends[1]
        _ = fcntl(wakeRead, F_SETFL, O_NONBLOCK)
        _ = fcntl(wakeWrite, F_SETFL, O_NONBLOCK)
        watchTree(root.path)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        close(wakeRead)
        close(wakeWrite)
    }

    /// Ends the current or the next `next()` at once, from any thread.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Waits, off Swift's cooperative pool, until something changed under the root since the last
    /// call, or `wake()` was called.
    public func next() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                self.waitForEvents()
                continuation.resume()
            }
        }
    }

    private func waitForEvents() {
        #if canImport(Glibc)
        var waiting = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        while poll(&waiting, 2, -1) < 0, errno == EINTR {}
        drainEvents()
        #else
        usleep(1000)
        #endif
        var sink = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &sink, sink.count) > 0 {}
    }

    #if canImport(Glibc)
    /// Reads every queued event, and watches the folders that were created.
    private func drainEvents() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { return }
            var offset = 0
            while offset < count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let header = MemoryLayout<inotify_event>.size
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, event.len > 0,
                    let parent = folders.withLock({ $0[event.wd] }) {
                    let name = String(cString: buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self))
                    watchTree(parent + "/" + name)
                }
                offset += header + Int(event.len)
            }
        }
    }
    #endif

    /// Watches `path` and, recursively, the folders already in it.
    private func watchTree(_ path: String) {
        #if canImport(Glibc)
        let mask = UInt32(IN_CREATE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CLOSE_WRITE | IN_ATTRIB)
        let watch = inotify_add_watch(descriptor, path, mask)
        guard watch >= 0 else { return }  // gone again already, or not a folder
        folders.withLock { $0[watch] = path }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for child in children {
            var isFolder: ObjCBool = false
            let childPath = path + "/" + child
            if FileManager.default.fileExists(atPath: childPath, isDirectory: &isFolder), isFolder.boolValue {
                watchTree(childPath)
            }
        }
        #endif
    }
}

/// A system call `FileEvents` needs failed.
public struct FileEventsError: Error, CustomStringConvertible {
    public var call: String
    public var code: Int32
    public var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
}
