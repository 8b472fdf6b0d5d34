/// A piece of an HTML page. Text is escaped when rendered; the only HTML inserted as it is comes
/// from cmark-gfm (`RenderedMarkdown`), so nothing read from manifests, state, git or the API
/// can become markup. Element and attribute names are always literals in this module.
///
/// Not `indirect`: children are held in arrays already, so a node needs no heap box of its own,
/// which saves an allocation and a release for every node of every page.
enum HTML: Sendable {
    /// Text, escaped.
    case text(String)
    /// An element with attributes (values escaped) and children.
    case element(Tag, [Attribute], [HTML])
    /// Several pieces one after another.
    case group([HTML])
    /// Markdown rendered by cmark-gfm, inserted as it is.
    case markdown(RenderedMarkdown)

    /// An attribute: a literal name and a value that is escaped.
    struct Attribute: Sendable {
        let name: String
        let value: String
        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The elements the site uses. A closed set, so that what a page's element is (void, block)
    /// is known without looking its name up.
    enum Tag: String, Sendable {
        case a, article, body, caption, code, dd, div, dl, dt, figcaption, figure, footer, g, h1, h2, h3, head, header, html,
            li, link, main, meta, nav, ol, p, rect, section, span, svg, table, tbody, td, text, th, thead, title, tr, ul

        /// Has no end tag.
        var isVoid: Bool {
            switch self {
            case .meta, .link: return true
            default: return false
            }
        }

        /// A line break is written after the end tag, so pages and golden files read well.
        var isBlock: Bool {
            switch self {
            case .html, .head, .body, .header, .main, .footer, .nav, .section, .table, .thead, .tbody, .tr, .ul, .ol, .li, .p,
                .h1, .h2, .h3, .div, .svg, .g, .figure, .figcaption, .dl, .dt, .dd, .title, .meta, .link, .caption, .article:
                return true
            case .a, .code, .rect, .span, .td, .text, .th:
                return false
            }
        }
    }

    /// Appends the rendered HTML to `out`, as UTF-8. Children are visited by index so that each
    /// is borrowed where it is rather than copied out of its array.
    func render(into out: inout [UInt8]) {
        switch self {
        case .text(let text):
            Self.appendEscaped(text, to: &out)
        case .element(let tag, let attributes, let children):
            out.append(UInt8(ascii: "<"))
            out.appendUTF8(tag.rawValue)
            for index in attributes.indices {
                out.append(UInt8(ascii: " "))
                out.appendUTF8(attributes[index].name)
                out.append(contentsOf: #"=""#.utf8)
                Self.appendEscaped(attributes[index].value, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            if tag.isVoid {
                out.append(contentsOf: ">\n".utf8)
                return
            }
            out.append(UInt8(ascii: ">"))
            for index in children.indices { children[index].render(into: &out) }
            out.append(contentsOf: "</".utf8)
            out.appendUTF8(tag.rawValue)
            out.append(contentsOf: tag.isBlock ? ">\n".utf8 : ">".utf8)
        case .group(let children):
            for index in children.indices { children[index].render(into: &out) }
        case .markdown(let rendered):
            out.appendUTF8(rendered.html)
        }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, appended to
    /// `out`. Text without any of them (the common case) is appended in one piece. The five are
    /// ASCII, and no byte of a multi-byte UTF-8 sequence is, so the text is escaped byte by byte.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { bytes in
            guard bytes.contains(where: needsEscaping) else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// `text` escaped, as a new string.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension [UInt8] {
    /// Appends the UTF-8 bytes of `text`.
    mutating func appendUTF8(_ text: String) {
        text.withUTF8Bytes { append(contentsOf: $0) }
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, in place when the string holds them in one
    /// piece (a native or small string; almost always), else from a copy.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

/// Shorthand for building elements: `el(.td, ["class": "num"], .text("12"))`.
func el(_ name: HTML.Tag, _ attributes: KeyValuePairs<String, String> = [:], _ children: HTML...) -> HTML {
    .element(name, attributes.map { HTML.Attribute($0.key, $0.value) }, children)
}

/// Shorthand for an element with a list of children.
func el(_ name: HTML.Tag, _ attributes: KeyValuePairs<String, String> = [:], children: [HTML]) -> HTML {
    .element(name, attributes.map { HTML.Attribute($0.key, $0.value) }, children)
}

/// Shorthand for an element whose attributes are computed.
func el(_ name: HTML.Tag, attributes: [HTML.Attribute], children: [HTML]) -> HTML {
    .element(name, attributes, children)
}

/// Escaped text.
func text(_ value: String) -> HTML { .text(value) }

/// A link.
func link(_ href: String, _ label: String, class className: String? = nil) -> HTML {
    var attributes = [HTML.Attribute("href", href)]
    if let className { attributes.append(HTML.Attribute("class", className)) }
    return .element(.a, attributes, [.text(label)])
}
