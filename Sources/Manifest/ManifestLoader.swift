import Parallel
import Domain
public import Foundation

/// Reads a manifests folder (or one file), decodes every file, merges them and checks the result.
public enum ManifestLoader {
    /// What loading found: the merged manifest when there are no errors, and every diagnostic.
    public struct Result: Sendable {
        /// The desired model, or nil when any error was found.
        public var manifest: Manifest?
        /// Every problem, sorted by file, line and column.
        public var diagnostics: [Diagnostic]
        /// The files that were read, as shown in diagnostics.
        public var files: [String]

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    /// Loads every `*.yaml` and `*.yml` file under `path` (or `path` itself if it is a file).
    /// `now` decides which absolute expiry dates are in the past.
    public static func load(path: String, now: Date = Date()) -> Result {
        let files: [String]
        do {
            files = try manifestFiles(at: path)
        } catch {
            return Result(manifest: nil, diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), error.message)], files: [])
        }
        var sources: [(file: String, text: String)] = []
        var readErrors: [Diagnostic] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                readErrors.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "could not read the file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                readErrors.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "the file is not UTF-8 text"))
                continue
            }
            sources.append((file, text))
        }
        var result = load(sources: sources, now: now)
        result.diagnostics = (readErrors + result.diagnostics).sorted { $0.location < $1.location }
        if !readErrors.isEmpty { result.manifest = nil }
        result.files = files
        return result
    }

    /// Loads manifests from text already in memory; `file` is what diagnostics call each one.
    public static func load(sources: [(file: String, text: String)], now: Date = Date()) -> Result {
        // Files are scanned and decoded independently, on every core; merging is sequential.
        let decoded = ParallelWork.map(sources) { file, text in
            let sink = DiagnosticSink()
            for finding in SecretScanner.scan(text) {
                sink.error(SourceLocation(file: file, line: finding.line, column: finding.column),
                           "this looks like \(finding.description); secrets must never be written in a manifest: remove it and revoke it, since git history keeps it")
            }
            return (fragment: ManifestFileDecoder(file: file, sink: sink).decode(text), diagnostics: sink.diagnostics)
        }
        let sink = DiagnosticSink()
        for file in decoded { sink.append(file.diagnostics) }
        let manifest = ManifestMerger(sink: sink, now: now).merge(decoded.map(\.fragment))
        let diagnostics = sink.diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        return Result(manifest: sink.hasErrors ? nil : manifest, diagnostics: diagnostics, files: sources.map(\.file))
    }

    struct LoadError: Error {
        let message: String
    }

    /// The manifest files under `path`, sorted, as paths that start with `path`.
    static func manifestFiles(at path: String) throws(LoadError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError(message: "no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw LoadError(message: "could not list the folder")
        }
        var files: [String] = []
        let base = path.hasSuffix("/") ? path : path + "/"
        for case let relative as String in enumerator {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { files.append(base + relative) }
        }
        guard !files.isEmpty else {
            throw LoadError(message: "no manifest files (*.yaml or *.yml) in this folder")
        }
        return files.sorted()
    }
}
