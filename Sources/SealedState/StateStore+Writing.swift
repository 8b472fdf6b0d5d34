import StateModel
import FileSystem
import Parallel
import Cryptography
public import Foundation

extension StateStore {
    /// Writes `opened` back: raises the serial by one, recomputes the MAC, and replaces each file
    /// atomically (client files first, the header last). Client files whose content did not change
    /// are left alone; files of clients with no keys left are removed. Refuses if the state on
    /// disk changed since it was opened. Client files are written while the MAC is computed, so a
    /// failure of libcrypto itself can leave them without the header that matches them, as a
    /// crash between files can: the MAC then fails until the files are restored from git.
    public func write(_ opened: inout OpenedState) throws(StateError) {
        try write(&opened, version: StateFormat.version)
    }

    /// `write(_:)` with the header naming `version`: only for tests that make a state of an older
    /// version, which must hold nothing that version lacks.
    func write(_ opened: inout OpenedState, version: Int64) throws(StateError) {
        if let expected = opened.serialOnDisk {
            let found = try serialOnDisk() ?? -1
            guard found == expected else { throw StateError.changedSinceOpened(openedSerial: expected, foundSerial: found) }
        } else if exists {
            throw StateError.alreadyInitialized(folder: displayName)
        }
        var state = opened.state
        state.serial += 1
        var documents = StateDocuments(state: state, recipients: opened.recipients, formatVersion: version)
        let clients = documents.clients
        let mac: StateMAC
        do { mac = try StateMAC(key: opened.dataKey.macKey, header: documents.header, clientCount: clients.count) } catch {
            throw StateError.crypto("\(error)")
        }

        do {
            try FileManager.default.createDirectory(at: clientsURL, withIntermediateDirectories: true)
        } catch {
            throw StateError.io(path: clientsURL.path, message: error.localizedDescription)
        }
        let existing = try clientFileNames()
        // One pass on every core: each client's part goes to the MAC, and the file of each client
        // whose document differs from what was read or last written is rendered and replaced. The
        // header, which holds the MAC, is written last, once every part has been hashed and the
        // client files' renames and removals are flushed to disk together.
        let onDisk = opened.clientsOnDisk
        _ = try ParallelWork.map(count: clients.count) { index throws(StateError) in
            mac.add(clients[index], at: index)
            guard onDisk[clients[index].client] != clients[index] else { return }
            do throws(FileError) {
                try AtomicFile.replace(clientsURL.appendingPathComponent("\(clients[index].client).json"), with: StateJSON.render(clients[index]))
            } catch {
                throw StateError.io(path: error.path, message: error.message)
            }
        }
        do { documents.header.mac = Hex.encode(try mac.finish()) } catch { throw StateError.crypto("\(error)") }
        let kept = Set(clients.map(\.client))
        for fileName in existing where !kept.contains(String(fileName.dropLast(".json".count))) {
            do { try FileManager.default.removeItem(at: clientsURL.appendingPathComponent(fileName)) } catch {
                throw StateError.io(path: fileName, message: error.localizedDescription)
            }
        }
        AtomicFile.syncFolder(clientsURL)
        do throws(FileError) { try AtomicFile.write(StateJSON.render(documents.header), to: headerURL) } catch {
            throw StateError.io(path: error.path, message: error.message)
        }

        opened.state = state
        opened.formatVersion = version
        opened.serialOnDisk = state.serial
        opened.clientsOnDisk = Dictionary(uniqueKeysWithValues: clients.map { ($0.client, $0) })
    }

    /// The serial in the header on disk, read without the client files; nil if there is none.
    func serialOnDisk() throws(StateError) -> Int64? {
        guard let bytes = try readIfPresent(headerURL) else { return nil }
        return StateJSON.decodeLeniently(HeaderProbe.self, from: bytes)?.serial
    }

    /// The paths of the state's files relative to `root`, for committing them.
    public func filePaths(relativeTo root: URL) throws(StateError) -> [String] {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let base = folder.resolvingSymlinksInPath().path
        let prefix = base.hasPrefix(rootPath + "/") ? String(base.dropFirst(rootPath.count + 1)) + "/" : ""
        return [prefix + StateFormat.headerFile] + (try clientFileNames()).map { prefix + StateFormat.clientsFolder + "/" + $0 }
    }
}
