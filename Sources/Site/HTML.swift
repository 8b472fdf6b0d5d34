/// A piece of an HTML page. Text is escaped when rendered; the only HTML inserted as it is comes
/// from cmark-gfm (`RenderedMarkdown`), so nothing read from manifests, state, git or the API
/// can become markup. Element and attribute names are always literals in this module.
indirect enum HTML: Sendable {
    /// Text, escaped.
    case text(String)
    /// An element with attributes (values escaped) and children.
    case element(String, [Attribute], [HTML])
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

    /// Elements that have no end tag.
    private static let voidElements: Set<String> = ["meta", "link", "br", "hr", "img", "input"]
    /// Elements after whose end tag a line break is written, so pages and golden files read well.
    private static let blockElements: Set<String> = [
        "html", "head", "body", "header", "main", "footer", "nav", "section", "table", "thead", "tbody", "tr", "ul", "ol",
        "li", "p", "h1", "h2", "h3", "div", "svg", "g", "figure", "figcaption", "dl", "dt", "dd", "title", "meta", "link",
        "pre", "caption", "article",
    ]

    /// Appends the rendered HTML to `out`.
    func render(into out: inout String) {
        switch self {
        case .text(let text):
            Self.appendEscaped(text, to: &out)
        case .element(let name, let attributes, let children):
            out += "<"
            out += name
            for attribute in attributes {
                out += " "
                out += attribute.name
                out += "=\""
                Self.appendEscaped(attribute.value, to: &out)
                out += "\""
            }
            out += ">"
            if Self.voidElements.contains(name) {
                out += "\n"
                return
            }
            for child in children { child.render(into: &out) }
            out += "</"
            out += name
            out += ">"
            if Self.blockElements.contains(name) { out += "\n" }
        case .group(let children):
            for child in children { child.render(into: &out) }
        case .markdown(let rendered):
            out += rendered.html
        }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references. Text without any
    /// of them (the common case) is appended in one piece.
    static func appendEscaped(_ text: String, to out: inout String) {
        let needsEscaping = text.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard needsEscaping else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// `text` escaped, as a new string.
    static func escaped(_ text: String) -> String {
        var out = ""
        appendEscaped(text, to: &out)
        return out
    }
}

/// Shorthand for building elements: `el("td", ["class": "num"], .text("12"))`.
func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: HTML...) -> HTML {
    .element(name, attributes.map { HTML.Attribute($0.key, $0.value) }, children)
}

/// Shorthand for an element with a list of children.
func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [HTML]) -> HTML {
    .element(name, attributes.map { HTML.Attribute($0.key, $0.value) }, children)
}

/// Shorthand for an element whose attributes are computed.
func el(_ name: String, attributes: [HTML.Attribute], children: [HTML]) -> HTML {
    .element(name, attributes, children)
}

/// Escaped text.
func text(_ value: String) -> HTML { .text(value) }

/// A link.
func link(_ href: String, _ label: String, class className: String? = nil) -> HTML {
    var attributes = [HTML.Attribute("href", href)]
    if let className { attributes.append(HTML.Attribute("class", className)) }
    return .element("a", attributes, [.text(label)])
}
