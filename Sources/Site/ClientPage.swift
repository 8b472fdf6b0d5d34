import Domain
import Manifest
import Status

/// `clients/<id>.html`: the client's billing facts, spend, users, what needs attention, and its
/// keys with a usage bar each. A long key list continues on `clients/<id>/page-2.html` and on.
enum ClientPage {
    static func render(_ client: ClientStatus, context: SiteContext) -> [SiteFile] {
        let pageCount = context.clientPageCount(client)
        let perPage = context.options.keysPerClientPage
        var files: [SiteFile] = []
        files.reserveCapacity(pageCount)
        for number in 1...pageCount {
            let page = SitePath.client(client.id, page: number)
            var body: [HTML] = [el(.h1, [:], text(client.displayName))]
            if number == 1 {
                body.append(facts(client, refreshed: context.report.isRefreshed))
                body.append(users(client))
                body.append(attention(client, context: context, page: page))
            } else {
                body.append(el(.p, [:], text("Keys, page \(number) of \(pageCount). "), link(page.link(to: .client(client.id)), "Back to the client's summary"), text(".")))
            }
            body.append(el(.h2, ["id": "keys"], text("Keys (\(client.keys.count))")))
            let pager = Components.pager(current: number, count: pageCount, from: page, label: "Key list pages") { .client(client.id, page: $0) }
            body.append(pager)
            let slice = client.keys[min((number - 1) * perPage, client.keys.count)..<min(number * perPage, client.keys.count)]
            body.append(keys(Array(slice), context: context, page: page))
            body.append(pager)
            let title = number == 1 ? client.displayName : "\(client.displayName), page \(number)"
            files.append(context.layout.page(page, title: title, section: nil, crumbs: [("Dashboard", .dashboard)], body: body))
        }
        return files
    }

    private static func facts(_ status: ClientStatus, refreshed: Bool) -> HTML {
        var pairs: [(String, HTML)] = [("Id", el(.code, [:], text(status.id.rawValue)))]
        if let client = status.client {
            pairs.append(("Billing email", text(client.billingEmail)))
            pairs.append(("Invoice currency", text("\(client.currency) (amounts here are USD, not converted)")))
            pairs.append(("Markup", text(status.markup.description)))
            pairs.append(("Monthly cap", text(status.capSummary)))
        } else {
            pairs.append(("Manifests", el(.span, ["class": "warn"], text("not declared; the state still has its keys and the next apply deletes them"))))
        }
        if refreshed {
            for (label, cost, billed) in [
                ("Spend today", status.cost?.daily, status.billed?.daily),
                ("Spend this week", status.cost?.weekly, status.billed?.weekly),
                ("Spend this month", status.cost?.monthly, status.billed?.monthly),
            ] {
                pairs.append((label, text("\(StatusFormat.money(cost)) at cost, \(StatusFormat.money(billed)) billed")))
            }
        }
        return Components.facts(pairs)
    }

    private static func users(_ client: ClientStatus) -> HTML {
        guard !client.users.isEmpty else { return .group([]) }
        var keyCounts: [UserID: Int] = [:]
        for key in client.keys { if let owner = key.owner { keyCounts[owner, default: 0] += 1 } }
        let rows: [[HTML]] = client.users.map { user in
            [el(.code, [:], text(user.id.rawValue)), text(user.displayName ?? StatusFormat.none), text(user.email),
             text("\(keyCounts[user.id] ?? 0)")]
        }
        return .group([
            el(.h2, ["id": "users"], text("Users (\(client.users.count))")),
            Components.table([Column("User"), Column("Name"), Column("Email"), Column("Keys", numeric: true)], rows: rows),
        ])
    }

    private static func attention(_ client: ClientStatus, context: SiteContext, page: SitePath) -> HTML {
        let items = context.attentionByClient[client.id] ?? []
        var parts: [HTML] = [el(.h2, ["id": "attention"], text("Attention"))]
        guard !items.isEmpty else {
            parts.append(el(.p, [:], text("Nothing needs attention.")))
            return .group(parts)
        }
        for kind in AttentionKind.allCases {
            let ofKind = items.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            parts.append(el(.h3, [:], text("\(kind.title) (\(ofKind.count))")))
            parts.append(el(.ul, [:], children: ofKind.map { DashboardPage.item($0, context: context, page: page) }))
        }
        return .group(parts)
    }

    private static func keys(_ keys: [KeyStatus], context: SiteContext, page: SitePath) -> HTML {
        guard !keys.isEmpty else { return el(.p, [:], text("No keys.")) }
        var rows: [[HTML]] = []
        rows.reserveCapacity(keys.count)
        for key in keys {
            rows.append([
                context.keyLink(key.address, from: page), key.owner.map { el(.code, [:], text($0.rawValue)) } ?? text("client"),
                text(StatusFormat.limit(key.limit, reset: key.reset)), Components.usageBar(key.percentUsed),
                text(StatusFormat.money(key.spendInWindow)), text(StatusFormat.money(key.remaining)),
                text(StatusFormat.day(key.expiresAt)), text(StatusFormat.day(key.rotationDue)), Components.condition(key),
            ])
        }
        return Components.table(
            [Column("Key"), Column("Owner"), Column("Limit"), Column("Used"), Column("Spent in window", numeric: true),
             Column("Remaining", numeric: true), Column("Expires"), Column("Rotation due"), Column("State")],
            rows: rows)
    }
}
