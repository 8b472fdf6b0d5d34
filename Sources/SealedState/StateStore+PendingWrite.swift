import FileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// A write replaces several files (client files, then the header, which holds the MAC over all of
// them), and no file system replaces several files at once. So a write is first staged whole in
// `<state>/.pending-write/`, and only once the staging is complete, flushed and marked does it
// move its files into place, one rename each. A run that stops at any point leaves either an
// unmarked staging, which the next run throws away (the state on disk is the old one, whole), or
// a marked one, which the next run finishes moving into place (the state becomes the new one,
// whole). Either way the state on disk always passes its MAC, no temporary file is left behind,
// and nothing needs restoring by hand.

extension StateStore {
    /// Where a write is staged.
    var pendingURL: URL { folder.appendingPathComponent(".pending-write", isDirectory: true) }
    private var pendingClientsURL: URL { pendingURL.appendingPathComponent(StateFormat.clientsFolder, isDirectory: true) }
    private var pendingHeaderURL: URL { pendingURL.appendingPathComponent(StateFormat.headerFile) }
    private var pendingRemovalsURL: URL { pendingURL.appendingPathComponent("remove") }
    /// Written last, once everything staged is on disk: its presence means "move it all in".
    private var pendingCompleteURL: URL { pendingURL.appendingPathComponent("complete") }

    /// Starts staging a write, in an empty staging folder.
    func beginStaging() throws(StateError) {
        try io(pendingURL.path) {
            if FileManager.default.fileExists(atPath: pendingURL.path) { try FileManager.default.removeItem(at: pendingURL) }
            try FileManager.default.createDirectory(at: pendingClientsURL, withIntermediateDirectories: true)
        }
    }

    /// Stages one client file, by its file name (`acme.json`); from any thread.
    func stageClientFile(named name: String, _ bytes: [UInt8]) throws(StateError) {
        try replace(pendingClientsURL.appendingPathComponent(name), with: bytes)
    }

    /// Finishes staging: the client files to remove and the header, flushed, then the mark that
    /// the staging is complete. Moves nothing into place.
    func completeStaging(removing removals: [String], header: [UInt8]) throws(StateError) {
        try replace(pendingRemovalsURL, with: Array(removals.joined(separator: "\n").utf8))
        try replace(pendingHeaderURL, with: header)
        AtomicFile.syncFolder(pendingClientsURL)
        AtomicFile.syncFolder(pendingURL)
        try replace(pendingCompleteURL, with: Array("keyplane state write\n".utf8))
        AtomicFile.syncFolder(pendingURL)
    }

    /// Moves a complete staged write into place: client files, removals, then the header; then
    /// throws the staging away. Safe to run again after it was interrupted at any point: what
    /// was moved already is no longer staged.
    func applyPending() throws(StateError) {
        try io(clientsURL.path) { try FileManager.default.createDirectory(at: clientsURL, withIntermediateDirectories: true) }
        for name in try staged(in: pendingClientsURL) {
            try move(pendingClientsURL.appendingPathComponent(name), to: clientsURL.appendingPathComponent(name))
        }
        let removals = (try? String(contentsOf: pendingRemovalsURL, encoding: .utf8)) ?? ""
        for name in removals.split(separator: "\n") where !name.contains("/") {
            let url = clientsURL.appendingPathComponent(String(name))
            if unlink(url.path) != 0 && errno != ENOENT { throw StateError.io(path: url.path, message: String(cString: strerror(errno))) }
        }
        AtomicFile.syncFolder(clientsURL)
        if FileManager.default.fileExists(atPath: pendingHeaderURL.path) { try move(pendingHeaderURL, to: headerURL) }
        AtomicFile.syncFolder(folder)
        try discardPending()
    }

    /// Finishes or undoes a write that a previous run did not complete, and removes temporary
    /// files a crash left: called before the state is read or written.
    func finishInterruptedWrite() throws(StateError) {
        if FileManager.default.fileExists(atPath: pendingURL.path) {
            if FileManager.default.fileExists(atPath: pendingCompleteURL.path) {
                try applyPending()
            } else {
                try discardPending()
            }
        }
        for folder in [clientsURL, folder] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    private func discardPending() throws(StateError) {
        unlink(pendingCompleteURL.path)
        AtomicFile.syncFolder(pendingURL)
        try io(pendingURL.path) {
            if FileManager.default.fileExists(atPath: pendingURL.path) { try FileManager.default.removeItem(at: pendingURL) }
        }
        AtomicFile.syncFolder(folder)
    }

    /// The staged client files' names, without temporary files of an interrupted staging.
    private func staged(in folder: URL) throws(StateError) -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        var names: [String] = []
        try io(folder.path) { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) }
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }

    private func move(_ from: URL, to: URL) throws(StateError) {
        guard rename(from.path, to.path) == 0 else { throw StateError.io(path: to.path, message: String(cString: strerror(errno))) }
    }

    private func replace(_ url: URL, with bytes: [UInt8]) throws(StateError) {
        do throws(FileError) { try AtomicFile.replace(url, with: bytes) } catch {
            throw StateError.io(path: error.path, message: error.message)
        }
    }

    private func io(_ path: String, _ body: () throws -> Void) throws(StateError) {
        do { try body() } catch { throw StateError.io(path: path, message: error.localizedDescription) }
    }
}
