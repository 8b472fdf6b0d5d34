import Domain
import Status

/// `index.html`: the totals, what needs attention (capped per category, with the rest counted
/// per client), spend by client as a chart, and the list of clients.
enum DashboardPage {
    static func render(_ context: SiteContext) -> SiteFile {
        let page = SitePath.dashboard
        let report = context.report
        var body: [HTML] = [el(.h1, [:], text("Key status"))]
        body.append(el(.p, [:], text(intro(report))))
        body.append(el(.h2, ["id": "totals"], text("Totals")))
        body.append(totals(report, page: page))
        body.append(el(.h2, ["id": "attention"], text("Attention")))
        body.append(attention(context, page: page))
        body.append(el(.h2, ["id": "spend"], text("Spend by client")))
        body.append(SpendChart.render(context))
        body.append(el(.h2, ["id": "clients"], text("Clients")))
        body.append(clients(report, page: page))
        return context.layout.page(page, title: "Dashboard", section: .dashboard, body: body)
    }

    static func intro(_ report: StatusReport) -> String {
        var intro = "Status at \(StatusFormat.moment(report.now))."
        if let refreshed = report.refreshedAt {
            intro += " Usage as OpenRouter reported it at \(StatusFormat.moment(refreshed)). All amounts are USD."
        } else {
            intro += " Usage was not refreshed, so spend, remaining amounts and percentages are not shown."
        }
        return intro
    }

    private static func totals(_ report: StatusReport, page: SitePath) -> HTML {
        let totals = report.totals
        let cards: [(String, String)] = [
            ("Clients", "\(totals.clients)"), ("Users", "\(totals.users)"), ("Keys", "\(totals.keys)"),
            ("Active", "\(totals.count(.active))"), ("Disabled", "\(totals.count(.disabled))"),
            ("Expired", "\(totals.count(.expired))"), ("Not created yet", "\(totals.count(.pending))"),
            ("Unmanaged", "\(totals.unmanaged)"),
        ]
        let list = el(.ul, ["class": "cards"], children: cards.map { label, value in
            el(.li, [:], el(.span, ["class": "value"], text(value)), text(label))
        })
        var rows: [[HTML]] = [
            spendRow("At cost", totals.cost), spendRow("Billed after markup", totals.billed),
        ]
        if totals.unmanaged > 0 { rows.append(spendRow("Unmanaged keys, not billed", totals.unmanagedCost)) }
        let spend = Components.table(
            [Column("Spend"), Column("Today", numeric: true), Column("This week", numeric: true), Column("This month", numeric: true)],
            rows: rows, caption: "Spend in USD")
        return .group([list, spend])
    }

    private static func spendRow(_ title: String, _ windows: UsageWindows?) -> [HTML] {
        [text(title), text(StatusFormat.money(windows?.daily)), text(StatusFormat.money(windows?.weekly)),
         text(StatusFormat.money(windows?.monthly))]
    }

    private static func attention(_ context: SiteContext, page: SitePath) -> HTML {
        let report = context.report
        guard !report.needsNoAttention else { return el(.p, [:], text("Nothing needs attention.")) }
        var parts: [HTML] = []
        for kind in AttentionKind.allCases {
            let items = report.attention(kind)
            guard !items.isEmpty else { continue }
            parts.append(el(.h3, [:], text("\(kind.title) (\(items.count))")))
            let limit = context.options.attentionLimit
            var list: [HTML] = items.prefix(limit).map { item($0, context: context, page: page) }
            if items.count > limit {
                list.append(el(.li, [:], children: rest(Array(items.dropFirst(limit)), kind: kind, page: page)))
            }
            parts.append(el(.ul, [:], children: list))
        }
        return .group(parts)
    }

    /// One attention item as a list entry, linking the key's page.
    static func item(_ item: AttentionItem, context: SiteContext, page: SitePath) -> HTML {
        if let address = item.address {
            return el(.li, [:], context.keyLink(address, from: page), text(": \(item.message)"))
        }
        return el(.li, [:], link(page.link(to: .unmanaged), item.unmanagedName ?? ""), text(": \(item.message)"))
    }

    /// "…and 140 more: acme (80), globex (60)", each client linking its page's attention list.
    private static func rest(_ items: [AttentionItem], kind: AttentionKind, page: SitePath) -> [HTML] {
        guard kind != .unmanaged else {
            return [text("…and \(items.count) more on the "), link(page.link(to: .unmanaged), "unmanaged keys page"), text(".")]
        }
        var counts: [ClientID: Int] = [:]
        for item in items { if let client = item.address?.client { counts[client, default: 0] += 1 } }
        var parts: [HTML] = [text("…and \(items.count) more: ")]
        for (index, client) in counts.keys.sorted().enumerated() {
            if index > 0 { parts.append(text(", ")) }
            parts.append(link(page.link(to: .client(client), fragment: "attention"), client.rawValue))
            parts.append(text(" (\(counts[client]!))"))
        }
        parts.append(text("."))
        return parts
    }

    private static func clients(_ report: StatusReport, page: SitePath) -> HTML {
        guard !report.clients.isEmpty else { return el(.p, [:], text("No clients are declared.")) }
        let rows: [[HTML]] = report.clients.map { client in
            [link(page.link(to: .client(client.id)), client.displayName), el(.code, [:], text(client.id.rawValue)),
             text("\(client.keys.count)"), text(StatusFormat.money(client.cost?.monthly)), text(client.markup.description),
             text(StatusFormat.money(client.billed?.monthly)), text(client.client?.currency ?? StatusFormat.none),
             text(client.client?.monthlyCap.map(\.description) ?? "none")]
        }
        return Components.table(
            [Column("Client"), Column("Id"), Column("Keys", numeric: true), Column("Month at cost", numeric: true),
             Column("Markup", numeric: true), Column("Month billed", numeric: true), Column("Invoice currency"),
             Column("Monthly cap", numeric: true)],
            rows: rows, caption: "Clients, with spend this month in USD")
    }
}
