import Status

/// `changelog.html` (and `changelog/page-N.html`): every apply commit, newest first, with its plan
/// summary and the key changes it made.
enum ChangelogPage {
    static func render(_ context: SiteContext) -> [SiteFile] {
        let applies = context.history.applies
        let perPage = context.options.appliesPerChangelogPage
        let pageCount = max(1, (applies.count + perPage - 1) / perPage)
        var files: [SiteFile] = []
        for number in 1...pageCount {
            let page = SitePath.changelog(page: number)
            var body: [HTML] = [el(.h1, [:], text("Changelog"))]
            body.append(el(.p, [:], text("Every apply recorded in the repository, newest first.")))
            let pager = Components.pager(current: number, count: pageCount, from: page, label: "Changelog pages") { .changelog(page: $0) }
            body.append(pager)
            if applies.isEmpty { body.append(el(.p, [:], text("No apply has been committed yet."))) }
            let slice = applies[min((number - 1) * perPage, applies.count)..<min(number * perPage, applies.count)]
            for record in slice { body.append(entry(record, context: context, page: page)) }
            body.append(pager)
            files.append(context.layout.page(page, title: number == 1 ? "Changelog" : "Changelog, page \(number)", section: .changelog,
                                             crumbs: [("Dashboard", .dashboard)], body: body))
        }
        return files
    }

    private static func entry(_ record: ApplyRecord, context: SiteContext, page: SitePath) -> HTML {
        let commit = record.commit
        var parts: [HTML] = [
            el(.h2, ["id": "commit-\(commit.shortID)"], text("\(StatusFormat.day(commit.date)): \(commit.subject)")),
            Components.facts([
                ("Commit", el(.code, ["title": commit.id], text(commit.shortID))),
                ("Author", text(commit.author)),
                ("Date", text(StatusFormat.moment(commit.date))),
                ("Plan", el(.code, [:], text(commit.planFingerprint ?? StatusFormat.none))),
            ]),
        ]
        if !commit.body.isEmpty { parts.append(el(.p, ["class": "body-text"], text(commit.body))) }
        let limit = context.options.changesPerApply
        if record.events.isEmpty {
            parts.append(el(.p, ["class": "note"], text("No change to the state's readable entries.")))
        } else {
            var items: [HTML] = record.events.prefix(limit).map { event in
                el(.li, [:], context.keyLink(event.address, from: page), text(": \(event.change.description)"))
            }
            if record.events.count > limit { items.append(el(.li, [:], text("…and \(record.events.count - limit) more changes."))) }
            parts.append(el(.ul, [:], children: items))
        }
        return el(.section, [:], children: parts)
    }
}
