/// Choices about how the site is laid out. The defaults suit a repository of any size.
public struct SiteOptions: Equatable, Sendable {
    /// The site's name, in every page title and the header.
    public var title: String
    /// How many items of one attention category the dashboard lists before counting the rest per client.
    public var attentionLimit: Int
    /// How many keys one client page lists before the list continues on another page.
    public var keysPerClientPage: Int
    /// How many applies one changelog page lists.
    public var appliesPerChangelogPage: Int
    /// How many key changes one apply lists on the changelog before counting the rest.
    public var changesPerApply: Int
    /// How many clients the spend chart draws before adding up the rest in one bar.
    public var chartClients: Int

    public init(title: String = "keyplane", attentionLimit: Int = 10, keysPerClientPage: Int = 250,
                appliesPerChangelogPage: Int = 50, changesPerApply: Int = 100, chartClients: Int = 20) {
        self.title = title
        self.attentionLimit = max(1, attentionLimit)
        self.keysPerClientPage = max(1, keysPerClientPage)
        self.appliesPerChangelogPage = max(1, appliesPerChangelogPage)
        self.changesPerApply = max(1, changesPerApply)
        self.chartClients = max(1, chartClients)
    }
}
