/// Adjustments to cmark's HTML for docs pages, made on cmark's own output only: headings get
/// GitHub-style `id`s so `#section` links work, and relative links to `.md` files point at the
/// rendered `.html` pages.
enum DocsHTML {
    /// cmark's HTML with heading ids added and `.md` links rewritten.
    static func adjust(_ html: String) -> String {
        rewriteMarkdownLinks(addHeadingIDs(html))
    }

    /// `<h2>Emergency decryption</h2>` → `<h2 id="emergency-decryption">…`. Repeated headings get
    /// `-1`, `-2`, as on GitHub.
    static func addHeadingIDs(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var used: [String: Int] = [:]
        var rest = html[...]
        while let open = rest.range(of: "<h") {
            let afterH = rest[open.upperBound...]
            guard let level = afterH.first, ("1"..."6").contains(level),
                afterH.dropFirst().first == ">",
                let close = afterH.range(of: "</h\(level)>")
            else {
                out += rest[..<open.upperBound]
                rest = afterH
                continue
            }
            let inner = afterH[afterH.index(afterH.startIndex, offsetBy: 2)..<close.lowerBound]
            var slug = self.slug(ofHeadingHTML: String(inner))
            if let count = used[slug] {
                used[slug] = count + 1
                slug += "-\(count + 1)"
            } else {
                used[slug] = 0
            }
            out += rest[..<open.lowerBound]
            out += "<h\(level) id=\"\(HTML.escaped(slug))\">"
            out += inner
            out += "</h\(level)>"
            rest = afterH[close.upperBound...]
        }
        out += rest
        return out
    }

    /// GitHub's anchor for a heading: its text, lowercased, keeping letters, digits, `-` and `_`,
    /// with spaces as `-`.
    static func slug(ofHeadingHTML inner: String) -> String {
        var textOnly = ""
        var inTag = false
        for character in inner {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { textOnly.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            textOnly = textOnly.replacingOccurrences(of: entity, with: character)
        }
        var slug = ""
        for character in textOnly.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug
    }

    /// `href="state-format.md#layout"` → `href="state-format.html#layout"`, for relative links only.
    static func rewriteMarkdownLinks(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var rest = html[...]
        while let start = rest.range(of: "href=\"") {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            out += rewrite(String(rest[..<end]))
            rest = rest[end...]
        }
        out += rest
        return out
    }

    private static func rewrite(_ href: String) -> String {
        guard !href.hasPrefix("#"), !href.hasPrefix("/"), !href.contains("://"), !href.hasPrefix("mailto:") else { return href }
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0]
        guard target.hasSuffix(".md") else { return href }
        let rewritten = target.dropLast(3) + ".html"
        return parts.count == 2 ? "\(rewritten)#\(parts[1])" : String(rewritten)
    }
}
