import Domain
import Status

/// `keys/<client>/[<user>/]<name>.html`: one key's settings, usage windows, drift and history.
enum KeyPage {
    /// `listPage` is the page of the client's key list that lists the key.
    static func render(_ key: KeyStatus, client: ClientStatus, listPage: Int, context: SiteContext) -> SiteFile {
        let page = SitePath.key(key.address)
        var body: [HTML] = [el(.h1, [:], el(.code, [:], text(key.address.description)))]
        body.append(el(.h2, ["id": "settings"], text("Settings")))
        body.append(settings(key, page: page))
        body.append(el(.h2, ["id": "usage"], text("Usage")))
        body.append(usage(key, refreshed: context.report.isRefreshed))
        if let notes = context.driftByAddress[key.address], !notes.isEmpty {
            body.append(el(.h2, ["id": "drift"], text("Drift found at the last refresh")))
            body.append(el(.ul, [:], children: notes.map { el(.li, [:], text($0.message)) }))
        }
        body.append(el(.h2, ["id": "history"], text("History")))
        body.append(history(context.history.events[key.address] ?? []))
        return context.layout.page(
            page, title: key.address.description, section: nil,
            crumbs: [("Dashboard", .dashboard), (client.displayName, .client(client.id, page: listPage))],
            body: body)
    }

    private static func settings(_ key: KeyStatus, page: SitePath) -> HTML {
        var pairs: [(String, HTML)] = [
            ("State", Components.condition(key)),
            ("Client", link(page.link(to: .client(key.address.client)), key.address.client.rawValue)),
            ("Owner", key.owner.map { el(.code, [:], text($0.rawValue)) } ?? text("the client")),
            ("Limit", text(StatusFormat.limit(key.limit, reset: key.reset))),
            ("BYOK counted in limit", text(StatusFormat.yesNo(key.includeBYOKInLimit))),
            ("Disabled", text(StatusFormat.yesNo(key.disabled))),
            ("Expires", text(StatusFormat.day(key.expiresAt))),
            ("Created", text(StatusFormat.day(key.createdAt))),
            ("Last rotated", text(key.rotatedAt.map { StatusFormat.day($0) } ?? "never")),
            ("Generation", text(key.generation.map { "\($0)" } ?? StatusFormat.none)),
            ("Rotation", text(key.rotation.map { "every \($0.every), old key kept \($0.overlap)" } ?? "none")),
            ("Rotation due", text(StatusFormat.day(key.rotationDue))),
            ("Protected from deletion", text(StatusFormat.yesNo(key.protect))),
        ]
        if !key.labels.isEmpty {
            pairs.append(("Labels", text(key.labels.keys.sorted().map { "\($0): \(key.labels[$0]!)" }.joined(separator: ", "))))
        }
        let secret: String
        switch key.secretStatus {
        case .sealed?: secret = "sealed in the state"
        case .unknown?: secret = "unknown: adopted from OpenRouter, keyplane never saw it"
        case nil: secret = StatusFormat.none
        }
        pairs.append(("Secret", text(secret)))
        if let name = key.openRouterName { pairs.append(("OpenRouter name", text(name))) }
        if let label = key.label { pairs.append(("OpenRouter label", el(.code, [:], text(label)))) }
        if let hash = key.hash { pairs.append(("OpenRouter hash", el(.code, [:], text(hash)))) }
        return Components.facts(pairs)
    }

    private static func usage(_ key: KeyStatus, refreshed: Bool) -> HTML {
        guard refreshed else { return el(.p, ["class": "note"], text("Usage was not refreshed.")) }
        guard let usage = key.usage else {
            return el(.p, ["class": "note"], text(key.condition == .pending ? "The key is not created yet." : "OpenRouter did not report this key at the last refresh."))
        }
        let window = key.reset.map { "this \($0 == .daily ? "day" : $0 == .weekly ? "week" : "month")" } ?? "in total"
        let summary = el(.p, [:],
            Components.usageBar(key.percentUsed),
            text(" \(StatusFormat.money(key.spendInWindow)) spent \(window) against \(StatusFormat.limit(key.limit, reset: key.reset))"
                + (key.remaining.map { ", \($0) left" } ?? "") + (key.includeBYOKInLimit ? " (BYOK included)" : "") + "."))
        func row(_ title: String, _ windows: UsageWindows) -> [HTML] {
            [text(title), text(windows.daily.description), text(windows.weekly.description), text(windows.monthly.description),
             text(windows.total.description)]
        }
        var rows = [row("OpenRouter credit", usage.credit), row("BYOK", usage.byok)]
        if let cost = key.cost, cost != usage.credit { rows.append(row("Cost with the rotated-out key", cost)) }
        let table = Components.table(
            [Column("Spend"), Column("Today", numeric: true), Column("This week", numeric: true), Column("This month", numeric: true),
             Column("Total", numeric: true)],
            rows: rows, caption: "Usage windows in USD (UTC days, Monday-to-Sunday weeks, calendar months)")
        return .group([summary, table])
    }

    private static func history(_ events: [KeyEvent]) -> HTML {
        guard !events.isEmpty else { return el(.p, ["class": "note"], text("No commit in the repository changed this key yet.")) }
        let rows: [[HTML]] = events.map { event in
            [text(StatusFormat.moment(event.commit.date)), text(event.change.description),
             el(.code, ["title": event.commit.id], text(event.commit.shortID)), text(event.commit.author),
             text(event.commit.subject)]
        }
        return Components.table(
            [Column("Date"), Column("Change"), Column("Commit"), Column("Author"), Column("Message")],
            rows: rows, caption: "Changes to this key, oldest first, from the repository's history", wrapColumn: 4)
    }
}
