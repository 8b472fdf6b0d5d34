import Domain
import Status

/// What every page builder needs, worked out once: the report, the history, the layout, and
/// indexes so that no page scans the whole repository.
struct SiteContext: Sendable {
    let report: StatusReport
    let history: RepositoryHistory
    let options: SiteOptions
    let layout: PageLayout
    /// Addresses that have a page.
    let keyPages: Set<KeyAddress>
    let driftByAddress: [KeyAddress: [DriftNote]]
    let attentionByClient: [ClientID: [AttentionItem]]

    init(report: StatusReport, history: RepositoryHistory, options: SiteOptions) {
        self.report = report
        self.history = history
        self.options = options
        layout = PageLayout(siteTitle: options.title, now: report.now)
        var pages = Set<KeyAddress>()
        for client in report.clients { for key in client.keys { pages.insert(key.address) } }
        keyPages = pages
        var drift: [KeyAddress: [DriftNote]] = [:]
        for note in report.drift { drift[note.address, default: []].append(note) }
        driftByAddress = drift
        var attention: [ClientID: [AttentionItem]] = [:]
        for kind in AttentionKind.allCases {
            for item in report.attention(kind) {
                if let address = item.address { attention[address.client, default: []].append(item) }
            }
        }
        attentionByClient = attention
    }

    /// A link to the key's page, or its address as code when it has none (a deleted key).
    func keyLink(_ address: KeyAddress, from page: SitePath) -> HTML {
        Components.keyLink(address, from: page, exists: keyPages.contains(address))
    }

    /// How many pages the client's key list takes.
    func clientPageCount(_ client: ClientStatus) -> Int {
        max(1, (client.keys.count + options.keysPerClientPage - 1) / options.keysPerClientPage)
    }
}
