import Domain

/// Where a page lives in the site, relative to its root (`clients/acme.html`). Links between pages
/// are always relative (`../clients/acme.html`), so the site works from `file://` and under any
/// sub-path. Every path is built from identifiers, which are already safe in URLs.
struct SitePath: Hashable, Comparable, Sendable {
    let path: String

    init(_ path: String) { self.path = path }

    static let dashboard = SitePath("index.html")
    static let stylesheet = SitePath("style.css")
    static let unmanaged = SitePath("unmanaged.html")
    static let docsIndex = SitePath("docs/index.html")

    /// The client's page; page 2 and on of a long key list go under `clients/<id>/`.
    static func client(_ id: ClientID, page: Int = 1) -> SitePath {
        page <= 1 ? SitePath("clients/\(id.rawValue).html") : SitePath("clients/\(id.rawValue)/page-\(page).html")
    }

    /// `keys/acme/prod-api.html` or `keys/acme/alice/personal.html`. Identifiers have no dot, so a
    /// client key's file never collides with a user's folder.
    static func key(_ address: KeyAddress) -> SitePath {
        if let user = address.user { return SitePath("keys/\(address.client.rawValue)/\(user.rawValue)/\(address.name.rawValue).html") }
        return SitePath("keys/\(address.client.rawValue)/\(address.name.rawValue).html")
    }

    /// `changelog.html`, then `changelog/page-2.html` and on.
    static func changelog(page: Int = 1) -> SitePath {
        page <= 1 ? SitePath("changelog.html") : SitePath("changelog/page-\(page).html")
    }

    /// A docs page from the markdown file at `relative` (`guide/setup.md` → `docs/guide/setup.html`).
    static func doc(_ relative: String) -> SitePath {
        let stem = relative.hasSuffix(".md") ? String(relative.dropLast(3)) : relative
        return SitePath("docs/\(stem).html")
    }

    /// How many folders deep the page is.
    var depth: Int { path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }

    /// The relative URL of `target` from this page.
    func link(to target: SitePath, fragment: String? = nil) -> String {
        var result = String(repeating: "../", count: depth) + target.path
        if let fragment { result += "#" + fragment }
        return result
    }

    static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.path < rhs.path }
}
