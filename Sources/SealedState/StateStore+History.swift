import StateModel
import Cryptography
import Foundation
import Git

extension StateStore {
    /// Compares the state on disk with the one committed at HEAD of the git repository around the
    /// folder: the lineage must match and the serial must not go backwards. Without a repository,
    /// a commit, or a committed state there is nothing to compare with.
    func checkAgainstCommittedState(lineage: String, serial: Int64, mac: [UInt8]) throws(StateError) {
        guard let repository = try? GitRepository.open(at: folder), let root = repository.workingDirectory,
            let head = try? repository.head()
        else { return }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let statePath = folder.resolvingSymlinksInPath().path
        guard statePath.hasPrefix(rootPath) else { return }
        let relative = String(statePath.dropFirst(rootPath.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let headerPath = relative.isEmpty ? StateFormat.headerFile : "\(relative)/\(StateFormat.headerFile)"
        let committed: Data?
        do { committed = try repository.contents(at: headerPath, in: head) } catch {
            throw StateError.io(path: headerPath, message: "cannot read it at HEAD: \(error)")
        }
        guard let committed else { return }
        let commit = head.short
        // A committed header that does not parse cannot vouch for anything; the MAC has already
        // authenticated what is on disk.
        guard let committedHeader = StateJSON.decodeLeniently(HeaderProbe.self, from: Array(committed)),
            let committedLineage = committedHeader.lineage, let committedSerial = committedHeader.serial
        else { return }
        guard committedLineage == lineage else {
            throw StateError.lineageMismatch(lineage: lineage, committedLineage: committedLineage, commit: commit)
        }
        guard serial >= committedSerial else {
            throw StateError.rollback(serial: serial, committedSerial: committedSerial, commit: commit)
        }
        if serial == committedSerial, let committedMAC = committedHeader.mac.flatMap(Hex.decode), committedMAC != mac {
            throw StateError.forked(serial: serial, commit: commit)
        }
    }
}
