// Charts of the overview page: documents per month by language and by source.
const series = JSON.parse(document.getElementById("series").textContent);
function stacked(target, rows, title) {
  const groups = [...new Set(rows.map(r => r.grp))];
  const traces = groups.map(g => ({type: "bar", name: g || "unknown",
    x: rows.filter(r => r.grp === g).map(r => r.month),
    y: rows.filter(r => r.grp === g).map(r => r.n)}));
  Plotly.newPlot(target, traces, {barmode: "stack", title: {text: title}, margin: {t: 40}},
                 {displayModeBar: false, responsive: true});
}
stacked("by-language", series.language, "Documents per month, by language");
stacked("by-site", series.site, "Documents per month, by source");
