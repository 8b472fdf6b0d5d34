import Foundation
import Status

/// A part of the site that renders on its own, into one file or a few: the parts are rendered
/// in parallel, and each part's files can be written as soon as it is done, so no more than a
/// few pages are held at once.
enum SitePart: Sendable {
    case stylesheet
    case dashboard
    case unmanaged
    case changelog
    /// The client's page and the further pages of its key list.
    case client(ClientStatus)
    /// A key's page; `listPage` is the page of the client's key list that lists the key.
    case key(KeyStatus, client: ClientStatus, listPage: Int)

    /// Parts (or files) a worker takes at a time: small enough that the workers finish together
    /// when the parts' costs differ (a client page costs more than a key page), large enough that
    /// taking them costs nothing.
    static let batch = 16

    /// Every part of the site for `report`, the docs aside, in the order of the site's map.
    static func all(_ report: StatusReport, options: SiteOptions) -> [SitePart] {
        var parts: [SitePart] = [.stylesheet, .dashboard, .unmanaged, .changelog]
        parts.reserveCapacity(report.totals.keys + report.clients.count + 4)
        for client in report.clients {
            parts.append(.client(client))
            for (index, key) in client.keys.enumerated() {
                parts.append(.key(key, client: client, listPage: index / options.keysPerClientPage + 1))
            }
        }
        return parts
    }

    /// The part's files.
    func render(_ context: SiteContext) -> [SiteFile] {
        switch self {
        case .stylesheet: return [SiteFile(path: SitePath.stylesheet.path, contents: Data(Stylesheet.css.utf8))]
        case .dashboard: return [DashboardPage.render(context)]
        case .unmanaged: return [UnmanagedPage.render(context)]
        case .changelog: return ChangelogPage.render(context)
        case .client(let client): return ClientPage.render(client, context: context)
        case .key(let key, let client, let listPage): return [KeyPage.render(key, client: client, listPage: listPage, context: context)]
        }
    }
}
