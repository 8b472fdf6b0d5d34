import Status

/// `unmanaged.html`: keys on OpenRouter that keyplane does not manage.
enum UnmanagedPage {
    static func render(_ context: SiteContext) -> SiteFile {
        let page = SitePath.unmanaged
        let report = context.report
        var body: [HTML] = [el(.h1, [:], text("Unmanaged keys"))]
        body.append(el(.p, [:], text("Keys on OpenRouter that no manifest declares and the state does not hold. Adopt them into a manifest, or delete them on OpenRouter.")))
        if report.unmanaged.isEmpty {
            body.append(el(.p, [:], text(report.isRefreshed ? "None." : "Usage was not refreshed, so unmanaged keys are not known.")))
        } else {
            let rows: [[HTML]] = report.unmanaged.map { key in
                [text(key.values.name), el(.code, [:], text(key.label)), el(.code, [:], text(key.hash)),
                 text(StatusFormat.day(key.createdAt)), text(StatusFormat.limit(key.values.limit, reset: key.values.limitReset)),
                 text(key.usage.credit.monthly.description), text(StatusFormat.yesNo(key.values.disabled)), text(StatusFormat.day(key.values.expiresAt))]
            }
            body.append(Components.table(
                [Column("Name"), Column("Label"), Column("Hash"), Column("Created"), Column("Limit"),
                 Column("Spent this month", numeric: true), Column("Disabled"), Column("Expires")],
                rows: rows))
        }
        return context.layout.page(page, title: "Unmanaged keys", section: .unmanaged, crumbs: [("Dashboard", .dashboard)], body: body)
    }
}
