import Domain
import Status

/// Spend by client this month as an inline SVG bar chart, with a `<title>` on every bar and the
/// amounts written as text; the dashboard's clients table has the same numbers for anyone who
/// cannot see the chart. Coordinates are whole numbers, so the output is stable.
enum SpendChart {
    static func render(_ context: SiteContext) -> HTML {
        let report = context.report
        guard report.isRefreshed else {
            return el(.p, ["class": "note"], text("Usage was not refreshed, so spend is not shown."))
        }
        let clients = report.clients.filter { $0.client != nil || !$0.keys.isEmpty }
        let ranked = clients.sorted { ($1.cost?.monthly ?? .zero, $0.id) < ($0.cost?.monthly ?? .zero, $1.id) }
        var bars: [(label: String, title: String, cost: USD, billed: USD)] = ranked.prefix(context.options.chartClients).map {
            ($0.id.rawValue, "\($0.displayName): \(StatusFormat.money($0.cost?.monthly)) at cost, \(StatusFormat.money($0.billed?.monthly)) billed",
             $0.cost?.monthly ?? .zero, $0.billed?.monthly ?? .zero)
        }
        let rest = ranked.dropFirst(context.options.chartClients)
        if !rest.isEmpty {
            let cost = rest.reduce(USD.zero) { $0 + ($1.cost?.monthly ?? .zero) }
            let billed = rest.reduce(USD.zero) { $0 + ($1.billed?.monthly ?? .zero) }
            let label = "\(rest.count) other clients"
            bars.append((label, "\(label): \(cost) at cost, \(billed) billed", cost, billed))
        }
        let maximum = bars.map(\.cost.nanos).max() ?? 0
        let rowHeight = 26, labelWidth = 170, barSpace = 330, width = 780  // room for the amounts after the longest bar
        let height = max(rowHeight, bars.count * rowHeight)
        var groups: [HTML] = []
        groups.reserveCapacity(bars.count)
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight
            let length = maximum > 0 ? Int(Int128(bar.cost.nanos) * Int128(barSpace) / Int128(maximum)) : 0
            groups.append(el(.g, [:], children: [
                el(.title, [:], text(bar.title)),
                el(.text, attributes: [HTML.Attribute("x", "0"), HTML.Attribute("y", "\(y + 17)")], children: [text(bar.label)]),
                el(.rect, attributes: [
                    HTML.Attribute("class", "bar"), HTML.Attribute("x", "\(labelWidth)"), HTML.Attribute("y", "\(y + 5)"),
                    HTML.Attribute("width", "\(max(length, bar.cost.nanos > 0 ? 1 : 0))"), HTML.Attribute("height", "16"),
                ], children: []),
                el(.text, attributes: [HTML.Attribute("x", "\(labelWidth + max(length, 0) + 6)"), HTML.Attribute("y", "\(y + 17)")],
                   children: [text("\(bar.cost) (\(bar.billed) billed)")]),
            ]))
        }
        let svg = el(.svg, attributes: [
            HTML.Attribute("class", "chart"), HTML.Attribute("viewBox", "0 0 \(width) \(height)"),
            HTML.Attribute("width", "\(width)"), HTML.Attribute("height", "\(height)"), HTML.Attribute("role", "img"),
            HTML.Attribute("aria-labelledby", "spend-chart-title"),
        ], children: [el(.title, ["id": "spend-chart-title"], text("Spend by client this month, at cost"))] + groups)
        return el(.figure, [:], svg,
                  el(.figcaption, [:], text("Spend this month at cost, by client, with billed amounts in brackets (USD). The clients table below has the same numbers.")))
    }
}
