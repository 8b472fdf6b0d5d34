/// The site's one stylesheet, `style.css`: system fonts, light and dark palettes that follow the
/// system preference, tables that scroll on narrow screens, and a print style. No JavaScript is
/// needed anywhere.
///
/// Contrast (WCAG 2.1), text on the page background / on the surface of table headers and cards:
/// light: text #1f2328 15.8:1 / 14.8:1, muted #59636e 6.1:1 / 5.7:1, links #0550ae 7.6:1 / 7.1:1,
/// warning #9a6700 4.9:1 / 4.6:1, danger #b42318 6.6:1 / 6.2:1;
/// dark: text #e6edf3 16.0:1 / 14.6:1, muted #9198a1 6.5:1 / 5.9:1, links #4493f8 6.1:1 / 5.6:1,
/// warning #d29922 7.5:1 / 6.9:1, danger #ff7b72 7.5:1 / 6.9:1.
/// Bar fills against the background are at least 4.8:1 (light) and 5.6:1 (dark), and at least
/// 3.4:1 against the empty track, above the 3:1 that graphics need.
enum Stylesheet {
    static let css = """
    :root {
      color-scheme: light dark;
      --bg: #ffffff; --surface: #f6f8fa; --text: #1f2328; --muted: #59636e; --link: #0550ae;
      --border: #d1d9e0; --track: #d1d9e0; --ok: #0969da; --warn: #9a6700; --full: #cf222e;
      --warn-text: #9a6700; --danger-text: #b42318;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #0d1117; --surface: #161b22; --text: #e6edf3; --muted: #9198a1; --link: #4493f8;
        --border: #3d444d; --track: #30363d; --ok: #4493f8; --warn: #d29922; --full: #f85149;
        --warn-text: #d29922; --danger-text: #ff7b72;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--bg); color: var(--text); line-height: 1.5;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
    }
    code, pre, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
    a { color: var(--link); }
    a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.5rem; }
    header.site { border-bottom: 1px solid var(--border); background: var(--surface); }
    header.site nav, main, footer, nav.crumbs { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
    header.site nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
    header.site a { text-decoration: none; font-weight: 600; }
    header.site a[aria-current="page"] { text-decoration: underline; }
    nav.crumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0.75rem 0 0; color: var(--muted); }
    nav.crumbs li + li::before { content: "›"; margin-right: 0.25rem; }
    h1 { font-size: 1.75rem; margin: 1rem 0 0.5rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25rem; }
    h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
    .muted, .note { color: var(--muted); }
    .warn { color: var(--warn-text); font-weight: 600; }
    .danger { color: var(--danger-text); font-weight: 600; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    ul.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.75rem; }
    ul.cards li { background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 0.75rem; }
    ul.cards .value { display: block; font-size: 1.5rem; font-weight: 600; }
    .table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    caption { text-align: left; color: var(--muted); padding: 0.25rem 0; }
    th, td { border-bottom: 1px solid var(--border); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; white-space: nowrap; }
    th { background: var(--surface); font-weight: 600; }
    td.num, th.num { text-align: right; }
    td.wrap { white-space: normal; min-width: 16rem; }
    svg { max-width: 100%; height: auto; }
    svg.usage { vertical-align: middle; margin-right: 0.4rem; }
    .track { fill: var(--track); }
    .fill-ok { fill: var(--ok); }
    .fill-warn { fill: var(--warn); }
    .fill-full { fill: var(--full); }
    svg.chart text { fill: var(--text); font-size: 12px; font-family: inherit; }
    svg.chart .bar { fill: var(--ok); }
    figure { margin: 1rem 0; }
    figcaption { color: var(--muted); }
    ol.pages { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; }
    .body-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0; }
    article.doc pre { background: var(--surface); padding: 0.75rem; overflow-x: auto; border-radius: 6px; }
    article.doc table { width: auto; }
    article.doc td, article.doc th { white-space: normal; }
    footer { color: var(--muted); border-top: 1px solid var(--border); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; }
    @media (max-width: 40rem) {
      dl.facts { grid-template-columns: 1fr; }
      dl.facts dd { margin-bottom: 0.5rem; }
      h1 { font-size: 1.4rem; }
    }
    @media print {
      :root { --bg: #ffffff; --surface: #ffffff; --text: #000000; --muted: #333333; --link: #000000; --border: #999999; }
      header.site, nav.crumbs, .skip { display: none; }
      body { font-size: 10pt; }
      main, footer { max-width: none; padding: 0; }
      .table-wrap { overflow: visible; }
      th, td { white-space: normal; }
      tr, figure, li { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      a { text-decoration: none; }
      svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }

    """
}
