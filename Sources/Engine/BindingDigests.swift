public import Domain
import Cryptography
public import Foundation
import Manifest
import Parallel

/// Digests that bind a saved plan to what it was computed from.
public enum BindingDigests {
    /// SHA-256 of each manifest file (named as the loader read it), keyed by its path relative to `root`.
    public static func manifests(files: [String], root: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let rootPath = root.standardizedFileURL.path + "/"
        for file in files {
            // The loader names files as it read them: relative to the working directory, which
            // may be below the root. The binding names them from the root.
            let url = URL(fileURLWithPath: file).standardizedFileURL
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw OperationFailure("cannot read the manifest \(file) to bind the plan to it: it is gone or unreadable")
            }
            let key = url.path.hasPrefix(rootPath) ? String(url.path.dropFirst(rootPath.count)) : file
            result[key] = Hex.encode(try Digest.sha256(Array(data)))
        }
        return result
    }

    /// A digest of each live key's settings (not its usage), keyed by hash. Keys are digested on
    /// every core: at 10,000 keys this is a noticeable part of a plan.
    public static func remote(_ keys: [LiveKey]) throws -> [String: String] {
        let digests = try ParallelWork.map(count: keys.count, batch: 512) { index in
            let key = keys[index]
            let text = (KeyValues.Field.allCases.map { key.values.text(of: $0) } + [key.workspaceID ?? "-"])
                .joined(separator: "\u{1F}")
            // The first 16 hex digits: the first 8 bytes.
            return Hex.encode(Array(try Digest.sha256(Array(text.utf8)).prefix(8)))
        }
        var result: [String: String] = [:]
        result.reserveCapacity(keys.count)
        for (key, digest) in zip(keys, digests) { result[key.hash] = digest }
        return result
    }
}
