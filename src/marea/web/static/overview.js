// Charts of the overview page: documents per month by language and by site.
// Documents dated only by year (or not at all) have no month: they are counted in the title.
const series = JSON.parse(document.getElementById("series").textContent);
function stacked(target, rows, title) {
  const dated = rows.filter(r => r.month !== "undated");
  const left = rows.filter(r => r.month === "undated").reduce((n, r) => n + r.n, 0);
  const groups = [...new Set(dated.map(r => r.grp))];
  const traces = groups.map(g => ({type: "bar", name: g || "unknown",
    x: dated.filter(r => r.grp === g).map(r => r.month),
    y: dated.filter(r => r.grp === g).map(r => r.n)}));
  const note = left ? ` (${left} without a month not drawn)` : "";
  Plotly.newPlot(target, traces, {barmode: "stack", title: {text: title + note}, margin: {t: 40},
                                  xaxis: {type: "date", title: {text: "month"}},
                                  yaxis: {title: {text: "documents"}}},
                 {displayModeBar: false, responsive: true});
}
stacked("by-language", series.language, "Documents per month, by language");
stacked("by-site", series.site, "Documents per month, by site");
