/// The top-level sections in the header of every page.
enum SiteSection: CaseIterable {
    case dashboard, changelog, unmanaged, docs

    var title: String {
        switch self {
        case .dashboard: "Dashboard"
        case .changelog: "Changelog"
        case .unmanaged: "Unmanaged keys"
        case .docs: "Docs"
        }
    }

    var path: SitePath {
        switch self {
        case .dashboard: .dashboard
        case .changelog: .changelog()
        case .unmanaged: .unmanaged
        case .docs: .docsIndex
        }
    }
}
