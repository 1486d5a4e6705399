// Chart of a narrative page: its sentences per month, by site (undated ones left out).
const data = JSON.parse(document.getElementById("data").textContent);
const bySite = {};
for (const r of data.per_month.filter(r => r.month !== "undated")) {
  (bySite[r.site] = bySite[r.site] || []).push(r);
}
Plotly.newPlot("per-month", Object.entries(bySite).map(([site, rows]) => ({type: "bar",
  name: site, x: rows.map(r => r.month), y: rows.map(r => r.n)})),
  {barmode: "stack", margin: {t: 20}, xaxis: {type: "date", title: {text: "month"}},
   yaxis: {title: {text: "sentences"}}},
  {displayModeBar: false, responsive: true});
