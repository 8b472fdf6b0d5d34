import Foundation

/// Finds every `href` and `src` in the HTML files of a generated site and reports each one that
/// does not lead to a file of the site (or to an `id` in it, for a `#fragment`), and each
/// absolute path, which would break the site under a sub-path.
enum LinkChecker {
    static func brokenLinks(in root: URL) throws -> [String] {
        let files = try allFiles(under: root)
        var contents: [String: String] = [:]
        for file in files where file.hasSuffix(".html") {
            contents[file] = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        }
        let existing = Set(files)
        var broken: [String] = []
        for (file, html) in contents.sorted(by: { $0.key < $1.key }) {
            for target in references(in: html) {
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                if target.hasPrefix("/") {
                    broken.append("\(file): absolute link \(target)")
                    continue
                }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let pathPart = parts[0], fragment = parts.count > 1 ? parts[1] : nil
                let resolved: String
                if pathPart.isEmpty {
                    resolved = file
                } else {
                    let base = (file as NSString).deletingLastPathComponent
                    resolved = normalize(base.isEmpty ? pathPart : base + "/" + pathPart)
                }
                guard existing.contains(resolved) else {
                    broken.append("\(file): \(target) (no file \(resolved))")
                    continue
                }
                if let fragment, !fragment.isEmpty {
                    guard let page = contents[resolved], page.contains("id=\"\(fragment)\"") else {
                        broken.append("\(file): \(target) (no id \(fragment) in \(resolved))")
                        continue
                    }
                }
            }
        }
        return broken
    }

    /// The values of every `href="…"` and `src="…"`, with `&amp;` decoded.
    static func references(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let preceding = html[html.index(before: start.lowerBound)]
                if preceding == " " { result.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")) }
                rest = rest[end...]
            }
        }
        return result
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func allFiles(under root: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
