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
        let documents = files.documents
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
        do { expected = try documents.mac(key: dataKey.macKey) } catch { throw StateError.crypto("\(error)") }
        guard Digest.constantTimeEqual(expected, files.mac) else { throw StateError.macMismatch(folder: displayName) }

        if checksGitHistory { try checkAgainstCommittedState(lineage: lineage, serial: files.serial, mac: files.mac) }

        let state = State(lineage: lineage, serial: files.serial, recipients: files.recipients, entries: files.entries)
        return OpenedState(state: state, dataKey: dataKey, credentials: credentials, serialOnDisk: files.serial)
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

    func readFiles() throws(StateError) -> Files {
        let headerName = "\(displayName)/\(StateFormat.headerFile)"
        guard let headerBytes = try readIfPresent(headerURL) else { throw StateError.notInitialized(folder: displayName) }
        let header = try Self.header(from: headerBytes, name: headerName)
        guard let fields = header.objectValue else { throw StateError.malformed(file: headerName, reason: "it is not a JSON object") }

        guard let lineage = fields["lineage"]?.stringValue, !lineage.isEmpty, !lineage.contains(" ") else {
            throw StateError.malformed(file: headerName, reason: "'lineage' is missing")
        }
        guard let serial = fields["serial"]?.integerValue, serial >= 1 else {
            throw StateError.malformed(file: headerName, reason: "'serial' is missing or below 1")
        }
        guard let macHex = fields["mac"]?.stringValue, let mac = Hex.decode(macHex), mac.count == 32 else {
            throw StateError.malformed(file: headerName, reason: "'mac' is missing or not 64 hex digits")
        }
        guard let recipientNodes = fields["recipients"]?.arrayValue, !recipientNodes.isEmpty else {
            throw StateError.malformed(file: headerName, reason: "'recipients' is missing or empty")
        }
        var recipients: [Recipient] = []
        for (index, node) in recipientNodes.enumerated() {
            guard let recipient = Recipient(node: node) else {
                throw StateError.malformed(file: headerName, reason: "recipient \(index + 1) is not a passphrase or x25519 recipient this build reads")
            }
            recipients.append(recipient)
        }
        let allowed: Set<String> = ["format", "version", "lineage", "serial", "recipients", "mac"]
        if let unknown = fields.keys.first(where: { !allowed.contains($0) }) {
            throw StateError.malformed(file: headerName, reason: "unknown field '\(unknown)'")
        }
        var headerWithoutMAC = fields
        headerWithoutMAC["mac"] = nil

        var clientDocuments: [String: JSONNode] = [:]
        var entries: [KeyAddress: StateEntry] = [:]
        for fileName in try clientFileNames() {
            let client = String(fileName.dropLast(".json".count))
            let name = "\(displayName)/\(StateFormat.clientsFolder)/\(fileName)"
            guard let bytes = try readIfPresent(clientsURL.appendingPathComponent(fileName)) else { continue }
            let document = try Self.decodeCanonical(bytes, name: name)
            guard document["client"]?.stringValue == client, let keys = document["keys"]?.objectValue,
                document.objectValue?.count == 2
            else {
                throw StateError.malformed(file: name, reason: "it needs exactly 'client' (\"\(client)\") and 'keys'")
            }
            for (addressText, node) in keys {
                guard let address = KeyAddress(addressText), address.client.rawValue == client else {
                    throw StateError.malformed(file: name, reason: "'\(addressText)' is not an address of client \(client)")
                }
                do {
                    entries[address] = try StateEntry(address: address, node: node)
                } catch {
                    throw StateError.malformed(file: name, reason: "the entry \(addressText) \(error.message)")
                }
            }
            clientDocuments[client] = document
        }
        return Files(documents: StateDocuments(header: headerWithoutMAC, clients: clientDocuments), lineage: lineage,
                     serial: serial, recipients: recipients, mac: mac, entries: entries)
    }

    /// Decodes the header, refusing an unknown format version before anything else is read.
    static func header(from bytes: [UInt8], name: String) throws(StateError) -> JSONNode {
        let node: JSONNode
        do { node = try JSONNodeParser.parse(bytes) } catch {
            throw StateError.malformed(file: name, reason: "it is not valid JSON")
        }
        guard node["format"]?.stringValue == StateFormat.formatName else {
            throw StateError.malformed(file: name, reason: "'format' is not \"\(StateFormat.formatName)\"")
        }
        guard let version = node["version"]?.integerValue else {
            throw StateError.malformed(file: name, reason: "'version' is missing")
        }
        guard StateFormat.readableVersions.contains(version) else {
            throw StateError.unsupportedVersion(found: version, readable: StateFormat.readableVersions)
        }
        guard node.rendered() == bytes else { throw StateError.notCanonical(file: name) }
        return node
    }

    static func decodeCanonical(_ bytes: [UInt8], name: String) throws(StateError) -> JSONNode {
        let node: JSONNode
        do { node = try JSONNodeParser.parse(bytes) } catch {
            throw StateError.malformed(file: name, reason: "it is not valid JSON of strings, whole numbers, booleans, objects and arrays")
        }
        guard node.rendered() == bytes else { throw StateError.notCanonical(file: name) }
        return node
    }

    func clientFileNames() throws(StateError) -> [String] {
        guard FileManager.default.fileExists(atPath: clientsURL.path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: clientsURL.path)
                .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
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
