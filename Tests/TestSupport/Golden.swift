public import Foundation

/// Golden files: expected output stored beside the tests. Set `KEYPLANE_RECORD=1` to write the
/// actual output instead of comparing, then review the diff before committing it.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["KEYPLANE_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `url`. Returns nil when they match (or when
    /// recording), or a line diff to report.
    public static func compare(_ actual: String, with url: URL) throws -> String? {
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "missing golden file \(url.lastPathComponent); run with KEYPLANE_RECORD=1 to create it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        return lineDiff(expected: expected, actual: actual, name: url.lastPathComponent)
    }

    /// A short, readable diff: each differing line as `-expected` / `+actual`.
    public static func lineDiff(expected: String, actual: String, name: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out = ["\(name) differs (- expected, + actual):"]
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? e[index] : nil, right = index < a.count ? a[index] : nil
            if left != right {
                if let left { out.append("  \(index + 1) -\(left)") }
                if let right { out.append("  \(index + 1) +\(right)") }
            }
        }
        return out.joined(separator: "\n")
    }

    /// The folder holding the calling test file, for golden files kept beside the tests.
    public static func folder(of filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent()
    }
}
