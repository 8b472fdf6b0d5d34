import Parallel
public import Foundation

/// Writes a rendered site into its output folder. The folder is keyplane's: a marker file says
/// so, files of an earlier run that the new one does not have are removed, and a folder that
/// holds anything else and has no marker is refused rather than mixed into.
public enum SiteWriter {
    /// The marker file in every output folder.
    public static let markerName = ".keyplane-site"

    /// What a write did.
    public struct Summary: Equatable, Sendable {
        /// Files of the site, each now holding its new bytes (a file that already held them is
        /// not rewritten).
        public var written: Int
        /// Files of an earlier run removed because the new site does not have them.
        public var removed: Int
    }

    /// Why the site could not be written.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "cannot write the site to \(path): \(message)" }
    }

    /// Writes `files` into `output`, creating it if needed.
    @discardableResult
    public static func write(_ files: [SiteFile], to output: URL) throws -> Summary {
        let folder = try SiteFolder(output)
        _ = try ParallelWork.map(files, batch: SitePart.batch) { file in try folder.write(file.contents, to: file.path) }
        return try finish(folder, paths: files.map(\.path))
    }

    /// Writes the marker into `folder` and removes the files of an earlier run that are not among
    /// `paths`, the files of the new site, which are all written.
    static func finish(_ folder: SiteFolder, paths: [String]) throws -> Summary {
        try folder.write(Data(markerText.utf8), to: markerName)
        var written = Set(paths)
        written.insert(markerName)
        var removed = 0
        for path in folder.previousFiles.subtracting(written).sorted() {
            try folder.remove(path)
            removed += 1
        }
        return Summary(written: paths.count, removed: removed)
    }

    private static let markerText = "Written by keyplane site. Files here are replaced on every run.\n"
}
