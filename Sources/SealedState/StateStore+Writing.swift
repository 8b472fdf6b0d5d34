import StateModel
import FileSystem
import Parallel
import Cryptography
public import Foundation

extension StateStore {
    /// Writes `opened` back: raises the serial by one, recomputes the MAC, and replaces the files
    /// as one: the whole write is staged and marked complete before any file moves into place
    /// (see `StateStore+PendingWrite`), so a crash leaves the old state or the new one, never a
    /// mix. Client files whose content did not change are left alone; files of clients with no
    /// keys or workspace left are removed. Refuses if the state on disk changed since it was
    /// opened.
    public func write(_ opened: inout OpenedState) throws(StateError) {
        try write(&opened, version: StateFormat.version)
    }

    /// `write(_:)` with the header naming `version`: only for tests that make a state of an older
    /// version, which must hold nothing that version lacks.
    func write(_ opened: inout OpenedState, version: Int64) throws(StateError) {
        try finishInterruptedWrite()
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

        let existing = try clientFileNames()
        // One pass on every core: each client's part goes to the MAC, and the file of each client
        // whose document differs from what was read or last written is rendered and staged. The
        // header, which holds the MAC, is staged last, once every part has been hashed; then the
        // staging is marked complete and moved into place.
        try beginStaging()
        let onDisk = opened.clientsOnDisk
        _ = try ParallelWork.map(count: clients.count) { index throws(StateError) in
            mac.add(clients[index], at: index)
            guard onDisk[clients[index].client] != clients[index] else { return }
            try stageClientFile(named: "\(clients[index].client).json", StateJSON.render(clients[index]))
        }
        do { documents.header.mac = Hex.encode(try mac.finish()) } catch { throw StateError.crypto("\(error)") }
        let kept = Set(clients.map(\.client))
        let removals = existing.filter { !kept.contains(String($0.dropLast(".json".count))) }
        try completeStaging(removing: removals, header: StateJSON.render(documents.header))
        try applyPending()

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
