public import Git
import Domain
import Foundation
import SealedState
import StateModel

extension RepositoryHistory {
    /// The trailer that marks an apply commit.
    public static let planTrailer = "Keyplane-Plan"

    /// Reads the history of every key in one walk over the commits reachable from HEAD.
    ///
    /// For each commit, oldest first, the id of the `<statePath>/clients` tree is compared with
    /// its first parent's; only when it differs are the client files' blob ids compared, and only
    /// files whose blob changed are parsed, as readable entries, without decrypting anything.
    /// Each file version is parsed once, so the cost grows with the number of changed files, not
    /// with commits times keys.
    public static func read(from repository: GitRepository, statePath: String = "state") throws -> RepositoryHistory {
        let clientsPath = statePath.isEmpty ? "clients" : "\(statePath)/clients"
        let commits = try repository.log()
        var treeByCommit: [ObjectID: ObjectID] = [:]
        var filesByCommit: [ObjectID: [String: ObjectID]] = [:]
        var parsedByFile: [String: (blob: ObjectID, entries: [KeyAddress: StateEntry])] = [:]
        var events: [KeyAddress: [KeyEvent]] = [:]
        var applies: [ApplyRecord] = []

        func entries(of name: String, blob: ObjectID?) throws -> [KeyAddress: StateEntry] {
            guard let blob else { return [:] }
            if let cached = parsedByFile[name], cached.blob == blob { return cached.entries }
            let list = try StateEntry.readableEntries(fromClientFile: try repository.blob(blob), name: "\(clientsPath)/\(name)")
            var result: [KeyAddress: StateEntry] = [:]
            result.reserveCapacity(list.count)
            for entry in list { result[entry.address] = entry }
            return result
        }

        for commit in commits.reversed() {
            let parent = commit.parents.first
            let tree = try repository.blobID(at: clientsPath, in: commit.id)
            let parentTree = parent.flatMap { treeByCommit[$0] }
            let parentFiles = parent.flatMap { filesByCommit[$0] } ?? [:]
            if let tree { treeByCommit[commit.id] = tree }
            guard tree != parentTree else {
                filesByCommit[commit.id] = parentFiles
                if let record = applyRecord(commit, events: []) { applies.append(record) }
                continue
            }
            var files: [String: ObjectID] = [:]
            if tree != nil {
                for name in try repository.listDirectory(clientsPath, in: commit.id) where name.hasSuffix(".json") {
                    if let blob = try repository.blobID(at: "\(clientsPath)/\(name)", in: commit.id) { files[name] = blob }
                }
            }
            filesByCommit[commit.id] = files
            let summary = Self.summary(of: commit)
            var commitEvents: [KeyEvent] = []
            for name in Set(files.keys).union(parentFiles.keys).sorted() where files[name] != parentFiles[name] {
                let before = try entries(of: name, blob: parentFiles[name])
                let after = try entries(of: name, blob: files[name])
                if let blob = files[name] { parsedByFile[name] = (blob, after) } else { parsedByFile[name] = nil }
                for address in Set(before.keys).union(after.keys).sorted() {
                    for change in Self.changes(from: before[address], to: after[address]) {
                        commitEvents.append(KeyEvent(address: address, change: change, commit: summary))
                    }
                }
            }
            for event in commitEvents { events[event.address, default: []].append(event) }
            if let record = applyRecord(commit, events: commitEvents) { applies.append(record) }
        }
        return RepositoryHistory(events: events, applies: applies.reversed())
    }

    private static func applyRecord(_ commit: Commit, events: [KeyEvent]) -> ApplyRecord? {
        guard commit.trailers.contains(where: { $0.key == planTrailer }) else { return nil }
        return ApplyRecord(commit: summary(of: commit), events: events)
    }

    /// The page-ready summary of a commit: the body is the message without its subject and its
    /// trailer paragraph.
    static func summary(of commit: Commit) -> CommitSummary {
        let trailers = commit.trailers
        var paragraphs = commit.message.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n")
        if !paragraphs.isEmpty {
            var first = paragraphs.removeFirst()
            if let newline = first.firstIndex(of: "\n") {
                first = String(first[first.index(after: newline)...])
                paragraphs.insert(first, at: 0)
            }
        }
        if !trailers.isEmpty, !paragraphs.isEmpty { paragraphs.removeLast() }
        return CommitSummary(
            id: commit.id.hex, author: commit.author.name, date: commit.author.date, subject: commit.subject,
            body: paragraphs.joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines),
            planFingerprint: trailers.first { $0.key == planTrailer }?.value)
    }

    /// What changed about one key between two versions of its entry.
    static func changes(from before: StateEntry?, to after: StateEntry?) -> [KeyChange] {
        switch (before, after) {
        case (nil, nil):
            return []
        case (nil, let new?):
            return [new.secretStatus == .unknown
                ? .adopted(limit: new.values.limit, reset: new.values.limitReset) : .created(limit: new.values.limit, reset: new.values.limitReset)]
        case (_?, nil):
            return [.removed]
        case let (old?, new?):
            var changes: [KeyChange] = []
            if new.generation > old.generation { changes.append(.rotated(generation: new.generation)) }
            if new.values.limit != old.values.limit { changes.append(.limitChanged(from: old.values.limit, to: new.values.limit)) }
            if new.values.limitReset != old.values.limitReset { changes.append(.resetChanged(from: old.values.limitReset, to: new.values.limitReset)) }
            if new.values.disabled != old.values.disabled { changes.append(new.values.disabled ? .disabled : .enabled) }
            if new.values.expiresAt != old.values.expiresAt { changes.append(.expiryChanged(from: old.values.expiresAt, to: new.values.expiresAt)) }
            if new.values.includeBYOKInLimit != old.values.includeBYOKInLimit { changes.append(.byokChanged(counted: new.values.includeBYOKInLimit)) }
            return changes
        }
    }
}
