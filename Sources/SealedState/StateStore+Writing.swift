import Cryptography
public import Foundation

extension StateStore {
    /// Writes `opened` back: raises the serial by one, recomputes the MAC, and replaces each file
    /// atomically (client files first, the header last). Client files whose bytes did not change
    /// are left alone; files of clients with no keys left are removed. Refuses if the state on
    /// disk changed since it was opened.
    public func write(_ opened: inout OpenedState) throws(StateError) {
        if let expected = opened.serialOnDisk {
            let found = try serialOnDisk() ?? -1
            guard found == expected else { throw StateError.changedSinceOpened(openedSerial: expected, foundSerial: found) }
        } else if exists {
            throw StateError.alreadyInitialized(folder: displayName)
        }
        var state = opened.state
        state.serial += 1
        state.formatVersion = StateFormat.version
        let documents = StateDocuments(state: state)
        let mac: [UInt8]
        do { mac = try documents.mac(key: opened.dataKey.macKey) } catch { throw StateError.crypto("\(error)") }
        var header = documents.header
        header["mac"] = .string(Hex.encode(mac))

        do {
            try FileManager.default.createDirectory(at: clientsURL, withIntermediateDirectories: true)
        } catch {
            throw StateError.io(path: clientsURL.path, message: error.localizedDescription)
        }
        let existing = try clientFileNames()
        for (client, document) in documents.clients {
            let url = clientsURL.appendingPathComponent("\(client).json")
            let bytes = document.rendered()
            if try readIfPresent(url) != bytes { try AtomicFile.write(bytes, to: url) }
        }
        for fileName in existing where documents.clients[String(fileName.dropLast(".json".count))] == nil {
            do { try FileManager.default.removeItem(at: clientsURL.appendingPathComponent(fileName)) } catch {
                throw StateError.io(path: fileName, message: error.localizedDescription)
            }
        }
        try AtomicFile.write(JSONNode.object(header).rendered(), to: headerURL)

        opened.state = state
        opened.serialOnDisk = state.serial
    }

    /// The serial in the header on disk, read without the client files; nil if there is none.
    func serialOnDisk() throws(StateError) -> Int64? {
        guard let bytes = try readIfPresent(headerURL) else { return nil }
        return (try? JSONNodeParser.parse(bytes))?["serial"]?.integerValue
    }

    /// The paths of the state's files relative to `root`, for committing them.
    public func filePaths(relativeTo root: URL) throws(StateError) -> [String] {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let base = folder.resolvingSymlinksInPath().path
        let prefix = base.hasPrefix(rootPath + "/") ? String(base.dropFirst(rootPath.count + 1)) + "/" : ""
        return [prefix + StateFormat.headerFile] + (try clientFileNames()).map { prefix + StateFormat.clientsFolder + "/" + $0 }
    }
}
