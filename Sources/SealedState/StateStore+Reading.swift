import Cryptography
import Domain
import Foundation

extension StateStore {
    /// Opens the state: checks the format version, that every file is exactly as keyplane writes
    /// it, unwraps the data key with any credential that matches a recipient, verifies the MAC over
    /// everything, and refuses a rollback against the state committed at HEAD. Secrets stay sealed
    /// until `OpenedState.secret(for:)`.
    public func open(with credentials: Credentials) throws(StateError) -> OpenedState {
        let files = try readFiles()
        let lineage = files.lineage
        guard !credentials.isEmpty else { throw StateError.noCredentials(recipients: files.recipients.count) }

        var dataKey: DataKey?
        do {
            for recipient in files.recipients {
                if let bytes = try recipient.unwrap(with: credentials, lineage: lineage), bytes.count == 32 {
                    dataKey = try DataKey(bytes: bytes)
                    break
                }
            }
        } catch {
            throw StateError.crypto("\(error)")
        }
        guard let dataKey else {
            var tried: [String] = []
            if credentials.passphrase != nil { tried.append("a passphrase") }
            tried += credentials.identities.map { "identity \($0.recipient)" }
            throw StateError.credentialsDoNotMatch(recipients: files.recipients.count, tried: tried.joined(separator: ", "))
        }
        let expected: [UInt8]
        do { expected = try files.documents.mac(key: dataKey.macKey) } catch { throw StateError.crypto("\(error)") }
        guard Digest.constantTimeEqual(expected, files.mac) else { throw StateError.macMismatch(folder: displayName) }

        if checksGitHistory { try checkAgainstCommittedState(lineage: lineage, serial: files.serial, mac: files.mac) }

        let state = State(lineage: lineage, serial: files.serial, recipients: files.recipients, entries: files.entries)
        var opened = OpenedState(state: state, dataKey: dataKey, credentials: credentials, serialOnDisk: files.serial)
        opened.clientsOnDisk = Dictionary(uniqueKeysWithValues: files.documents.clients.map { ($0.client, $0) })
        return opened
    }

    /// What the files say, parsed and checked for form but not yet authenticated.
    struct Files {
        var documents: StateDocuments
        var lineage: String
        var serial: Int64
        var recipients: [Recipient]
        var mac: [UInt8]
        var entries: [KeyAddress: StateEntry]
    }

    /// One client file, read and checked for form: its document and its entries.
    struct ClientFile: Sendable {
        var document: ClientDocument
        var entries: [StateEntry]
    }

    func readFiles() throws(StateError) -> Files {
        let headerName = "\(displayName)/\(StateFormat.headerFile)"
        guard let headerBytes = try readIfPresent(headerURL) else { throw StateError.notInitialized(folder: displayName) }
        let header = try Self.header(from: headerBytes, name: headerName)

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
        var headerWithoutMAC = header
        headerWithoutMAC.mac = nil

        let fileNames = try clientFileNames()
        let clientFiles = try ParallelWork.map(count: fileNames.count) { index throws(StateError) -> ClientFile? in
            let fileName = fileNames[index]
            guard let bytes = try readIfPresent(clientsURL.appendingPathComponent(fileName)) else { return nil }
            return try Self.clientFile(from: bytes, client: String(fileName.dropLast(".json".count)),
                                       name: "\(displayName)/\(StateFormat.clientsFolder)/\(fileName)")
        }
        var documents: [ClientDocument] = []
        var entries: [KeyAddress: StateEntry] = [:]
        entries.reserveCapacity(clientFiles.reduce(0) { $0 + ($1?.entries.count ?? 0) })
        for case let file? in clientFiles {
            documents.append(file.document)
            for entry in file.entries { entries[entry.address] = entry }
        }
        return Files(documents: StateDocuments(header: headerWithoutMAC, sortedClients: documents), lineage: header.lineage,
                     serial: header.serial, recipients: recipients, mac: mac, entries: entries)
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
        return ClientFile(document: document, entries: entries)
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
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return Array(try Data(contentsOf: url)) } catch {
            throw StateError.io(path: url.path, message: error.localizedDescription)
        }
    }
}
