import Domain
import Status

/// A table column: its heading and whether it holds numbers (right-aligned).
struct Column {
    let title: String
    let numeric: Bool
    init(_ title: String, numeric: Bool = false) {
        self.title = title
        self.numeric = numeric
    }
}

/// Pieces that several pages use.
enum Components {
    /// A table that scrolls sideways on narrow screens instead of squeezing its columns.
    static func table(_ columns: [Column], rows: [[HTML]], caption: String? = nil, wrapColumn: Int? = nil) -> HTML {
        var body: [HTML] = []
        body.reserveCapacity(rows.count)
        for row in rows {
            var cells: [HTML] = []
            cells.reserveCapacity(row.count)
            for (index, cell) in row.enumerated() {
                let numeric = index < columns.count && columns[index].numeric
                let className = numeric ? "num" : (index == wrapColumn ? "wrap" : nil)
                cells.append(el(.td, attributes: className.map { [HTML.Attribute("class", $0)] } ?? [], children: [cell]))
            }
            body.append(el(.tr, [:], children: cells))
        }
        let head = el(.tr, [:], children: columns.map { column in
            el(.th, attributes: [HTML.Attribute("scope", "col")] + (column.numeric ? [HTML.Attribute("class", "num")] : []),
               children: [text(column.title)])
        })
        var parts: [HTML] = []
        if let caption { parts.append(el(.caption, [:], text(caption))) }
        parts.append(el(.thead, [:], head))
        parts.append(el(.tbody, [:], children: body))
        return el(.div, ["class": "table-wrap"], el(.table, [:], children: parts))
    }

    /// A list of label and value pairs.
    static func facts(_ pairs: [(String, HTML)]) -> HTML {
        var children: [HTML] = []
        for (label, value) in pairs {
            children.append(el(.dt, [:], text(label)))
            children.append(el(.dd, [:], value))
        }
        return el(.dl, ["class": "facts"], children: children)
    }

    /// A usage bar drawn against the limit, with the percentage also written as text. The bar is
    /// decoration (hidden from screen readers); the text carries the value.
    static func usageBar(_ percent: Int?) -> HTML {
        guard let percent else { return text(StatusFormat.none) }
        let width = min(percent, 100)
        let fill = percent >= 100 ? "fill-full" : (percent >= StatusReport.nearLimitPercent ? "fill-warn" : "fill-ok")
        var bars: [HTML] = [el(.rect, ["class": "track", "width": "100", "height": "8", "rx": "2"])]
        if width > 0 { bars.append(el(.rect, attributes: [
            HTML.Attribute("class", fill), HTML.Attribute("width", "\(width)"), HTML.Attribute("height", "8"), HTML.Attribute("rx", "2"),
        ], children: [])) }
        let svg = el(.svg, attributes: [
            HTML.Attribute("class", "usage"), HTML.Attribute("viewBox", "0 0 100 8"), HTML.Attribute("width", "100"),
            HTML.Attribute("height", "8"), HTML.Attribute("aria-hidden", "true"), HTML.Attribute("focusable", "false"),
        ], children: bars)
        let label = el(.span, attributes: percent >= StatusReport.nearLimitPercent ? [HTML.Attribute("class", percent >= 100 ? "danger" : "warn")] : [],
                       children: [text("\(percent)%")])
        return .group([svg, label])
    }

    /// The key's address as a link to its page.
    static func keyLink(_ address: KeyAddress, from page: SitePath, exists: Bool = true) -> HTML {
        guard exists else { return el(.code, [:], text(address.description)) }
        return el(.a, attributes: [HTML.Attribute("href", page.link(to: .key(address)))], children: [el(.code, [:], text(address.description))])
    }

    /// Links to every page of a list split over several pages; nothing for a single page.
    static func pager(current: Int, count: Int, from page: SitePath, label: String, path: (Int) -> SitePath) -> HTML {
        guard count > 1 else { return .group([]) }
        let items = (1...count).map { number -> HTML in
            number == current
                ? el(.li, [:], el(.span, ["aria-current": "page"], text("Page \(number)")))
                : el(.li, [:], link(page.link(to: path(number)), "Page \(number)"))
        }
        return el(.nav, ["aria-label": label], el(.ol, ["class": "pages"], children: items))
    }

    /// The condition of a key as text, marked when it needs a look.
    static func condition(_ key: KeyStatus) -> HTML {
        var words = key.condition.description
        if !key.isDeclared { words += ", not in the manifests" }
        switch key.condition {
        case .expired: return el(.span, ["class": "danger"], text(words))
        case .disabled, .pending: return el(.span, ["class": "muted"], text(words))
        case .active: return key.isDeclared ? text(words) : el(.span, ["class": "warn"], text(words))
        }
    }
}
