import Parallel
import Cryptography
import Domain
import StateModel
import Foundation

extension StateStore {
    /// Opens the state: checks the format version, that every file is exactly as keyplane writes
    /// it, unwraps the data key with any credential that matches a recipient, verifies the MAC over
    /// everything, and refuses a rollback against the state committed at HEAD. Secrets stay sealed
    /// until `OpenedState.secret(for:)`.
    ///
    /// The refusals come in that order whatever is wrong: a file's form before the credentials,
    /// the credentials before the MAC, the MAC before the history.
    public func open(with credentials: Credentials) throws(StateError) -> OpenedState {
        try finishInterruptedWrite()
        let header = try readHeader()
        let files = try readClientFiles()
        // The data key is unwrapped before the client files are parsed, so the MAC can take each
        // file's part while the others are still being parsed. A failure to unwrap is reported
        // only after the files: a file that is not in keyplane's form is refused first.
        let dataKey = Result { () throws(StateError) in try unwrapDataKey(header: header, credentials: credentials) }
        let started = dataKey.flatMap { key in
            Result { () throws(StateError) in
                do { return try StateMAC(key: key.macKey, header: header.document, clientCount: files.count) } catch {
                    throw StateError.crypto("\(error)")
                }
            }
        }
        let parsed = try ParallelWork.map(count: files.count) { index throws(StateError) -> ClientFile in
            let file = try Self.clientFile(from: files[index].bytes, client: files[index].client,
                                           name: "\(displayName)/\(StateFormat.clientsFolder)/\(files[index].client).json")
            if case .success(let mac) = started { mac.add(file.document, at: index) }
            return file
        }
        let key = try dataKey.get()
        let mac = try started.get()
        let expected: [UInt8]
        do { expected = try mac.finish() } catch { throw StateError.crypto("\(error)") }
        guard Digest.constantTimeEqual(expected, header.mac) else { throw StateError.macMismatch(folder: displayName) }

        if checksGitHistory { try checkAgainstCommittedState(lineage: header.lineage, serial: header.serial, mac: header.mac) }

        var entries: [KeyAddress: StateEntry] = [:]
        entries.reserveCapacity(parsed.reduce(0) { $0 + $1.entries.count })
        var clientsOnDisk: [String: ClientDocument] = [:]
        var workspaces: [ClientID: WorkspaceEntry] = [:]
        for file in parsed {
            for entry in file.entries { entries[entry.address] = entry }
            if let workspace = file.workspace { workspaces[workspace.client] = workspace }
            clientsOnDisk[file.document.client] = file.document
        }
        let state = State(lineage: header.lineage, serial: header.serial, entries: entries, workspaces: workspaces)
        var opened = OpenedState(state: state, recipients: header.recipients, formatVersion: header.document.version,
                                 dataKey: key, credentials: credentials, serialOnDisk: header.serial)
        opened.clientsOnDisk = clientsOnDisk
        return opened
    }

    /// The header file, read and checked for form but not yet authenticated.
    struct Header {
        /// The document without its `mac`.
        var document: HeaderDocument
        var lineage: String { document.lineage }
        var serial: Int64 { document.serial }
        var recipients: [Recipient]
        var mac: [UInt8]
    }

    /// One client file's id and bytes, as read.
    struct ClientFileBytes: Sendable {
        var client: String
        var bytes: [UInt8]
    }

    /// One client file, read and checked for form: its document and its entries.
    struct ClientFile: Sendable {
        var document: ClientDocument
        var entries: [StateEntry]
        var workspace: WorkspaceEntry?
    }

    func readHeader() throws(StateError) -> Header {
        let headerName = "\(displayName)/\(StateFormat.headerFile)"
        guard let headerBytes = try readIfPresent(headerURL) else { throw StateError.notInitialized(folder: displayName) }
        var header = try Self.header(from: headerBytes, name: headerName)

        guard !header.lineage.isEmpty, !header.lineage.contains(" ") else {
            throw StateError.malformed(file: headerName, reason: "'lineage' is empty or holds a space")
        }
        guard header.serial >= 1 else { throw StateError.malformed(file: headerName, reason: "'serial' is below 1") }
        guard let macHex = header.mac, let mac = Hex.decode(macHex), mac.count == 32 else {
            throw StateError.malformed(file: headerName, reason: "'mac' is missing or not 64 hex digits")
        }
        guard !header.recipients.isEmpty else { throw StateError.malformed(file: headerName, reason: "'recipients' is empty") }
        var recipients: [Recipient] = []
        for (index, document) in header.recipients.enumerated() {
            guard let recipient = Recipient(document: document) else {
                throw StateError.malformed(file: headerName, reason: "recipient \(index + 1) is not a passphrase or x25519 recipient this build reads")
            }
            recipients.append(recipient)
        }
        header.mac = nil
        return Header(document: header, recipients: recipients, mac: mac)
    }

    /// Every client file's bytes, in the UTF-8 order of their client ids. A file listed but gone
    /// by the time it is read is left out, as if it had not been listed.
    func readClientFiles() throws(StateError) -> [ClientFileBytes] {
        let fileNames = try clientFileNames()
        let contents = try ParallelWork.map(count: fileNames.count) { index throws(StateError) in
            try readIfPresent(clientsURL.appendingPathComponent(fileNames[index]))
        }
        return zip(fileNames, contents).compactMap { fileName, bytes in
            bytes.map { ClientFileBytes(client: String(fileName.dropLast(".json".count)), bytes: $0) }
        }
    }

    /// The data key, unwrapped with whichever credential matches a recipient.
    func unwrapDataKey(header: Header, credentials: Credentials) throws(StateError) -> DataKey {
        guard !credentials.isEmpty else { throw StateError.noCredentials(recipients: header.recipients.count) }
        do {
            for recipient in header.recipients {
                if let bytes = try recipient.unwrap(with: credentials, lineage: header.lineage), bytes.count == 32 {
                    return try DataKey(bytes: bytes)
                }
            }
        } catch {
            throw StateError.crypto("\(error)")
        }
        var tried: [String] = []
        if credentials.passphrase != nil { tried.append("a passphrase") }
        tried += credentials.identities.map { "identity \($0.recipient)" }
        throw StateError.credentialsDoNotMatch(recipients: header.recipients.count, tried: tried.joined(separator: ", "))
    }

    /// Decodes the header, refusing an unknown format version before anything else is read.
    static func header(from bytes: [UInt8], name: String) throws(StateError) -> HeaderDocument {
        guard let probe = StateJSON.decodeLeniently(HeaderProbe.self, from: bytes) else {
            throw StateError.malformed(file: name, reason: "it is not a JSON object")
        }
        guard probe.format == StateFormat.formatName else {
            throw StateError.malformed(file: name, reason: "'format' is not \"\(StateFormat.formatName)\"")
        }
        guard let version = probe.version else { throw StateError.malformed(file: name, reason: "'version' is missing") }
        guard StateFormat.readableVersions.contains(version) else {
            throw StateError.unsupportedVersion(found: version, readable: StateFormat.readableVersions)
        }
        return try StateJSON.decodeCanonical(HeaderDocument.self, from: bytes, name: name)
    }

    /// Decodes one client file of `client` and checks it: its form, its `client` field, and that
    /// every address belongs to the client. `name` is how the file is called in errors.
    static func clientFile(from bytes: [UInt8], client: String?, name: String) throws(StateError) -> ClientFile {
        let document = try StateJSON.decodeCanonical(ClientDocument.self, from: bytes, name: name)
        if let client, document.client != client {
            throw StateError.malformed(file: name, reason: "its 'client' is not \"\(client)\", the file's name")
        }
        let addresses = ClientAddressReader(client: document.client)
        var limits = LimitTextCache()
        var entries: [StateEntry] = []
        entries.reserveCapacity(document.entries.count)
        for entryDocument in document.entries {
            guard let address = addresses.address(entryDocument.address) else {
                throw StateError.malformed(file: name, reason: "'\(entryDocument.address)' is not an address of client \(document.client)")
            }
            do {
                entries.append(try StateEntry(address: address, document: entryDocument, limits: &limits))
            } catch {
                throw StateError.malformed(file: name, reason: "the entry \(entryDocument.address) \(error.message)")
            }
        }
        var workspace: WorkspaceEntry?
        if let record = document.workspace {
            guard let client = ClientID(document.client) else {
                throw StateError.malformed(file: name, reason: "'\(document.client)' is not a client id")
            }
            do { workspace = try record.entry(client: client) } catch {
                throw StateError.malformed(file: name, reason: "the workspace \(error.message)")
            }
        }
        return ClientFile(document: document, entries: entries, workspace: workspace)
    }

    /// The client files' names, sorted by the UTF-8 bytes of their client ids.
    func clientFileNames() throws(StateError) -> [String] {
        guard FileManager.default.fileExists(atPath: clientsURL.path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: clientsURL.path)
                .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
                .sorted { StateJSON.utf8Precedes(String($0.dropLast(5)), String($1.dropLast(5))) }
        } catch {
            throw StateError.io(path: clientsURL.path, message: "\(error.localizedDescription)")
        }
    }

    func readIfPresent(_ url: URL) throws(StateError) -> [UInt8]? {
        try FileBytes.read(path: url.path)
    }
}
