// Charts of an actor's page and report: mention volume, stance by site, co-actor network.
// Time axes are date axes; every chart names its axes.
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
                 "#8c564b", "#e377c2"];

function withGaps(rows) {
  // Every period from the first to the last, a missing one as null, so the line breaks
  // there instead of running straight across years or months without documents.
  if (!rows.length) return rows;
  const next = p => p.length === 4 ? String(+p + 1) : (p.slice(5) === "12"
    ? `${+p.slice(0, 4) + 1}-01` : `${p.slice(0, 4)}-${String(+p.slice(5) + 1).padStart(2, "0")}`);
  const known = Object.fromEntries(rows.map(r => [r.period, r]));
  const filled = [];
  for (let p = rows[0].period; p <= rows[rows.length - 1].period; p = next(p)) {
    filled.push(known[p] || {period: p, mean_score: null, documents: 0, favor: 0, against: 0});
  }
  return filled;
}

function stanceTraces(rows) {
  // One line per site when there are few enough to tell apart by colour; otherwise the
  // mean over all sites (weighted by documents), so no colour stands for two sites.
  const bySite = {};
  for (const r of rows) { (bySite[r.site] = bySite[r.site] || []).push(r); }
  const sites = Object.keys(bySite);
  for (const site of sites) { bySite[site] = withGaps(bySite[site]); }
  if (sites.length <= PALETTE.length) {
    return sites.map((site, i) => ({type: "scatter", mode: "lines+markers", name: site,
      line: {color: PALETTE[i]}, marker: {color: PALETTE[i], size: 8},
      x: bySite[site].map(r => r.period), y: bySite[site].map(r => r.mean_score),
      text: bySite[site].map(r => `${r.documents} docs: ${r.favor} favor, ${r.against} against`)}));
  }
  const byPeriod = {};
  for (const r of rows) {
    const p = byPeriod[r.period] = byPeriod[r.period] || {sum: 0, docs: 0, sites: 0};
    p.sum += r.mean_score * r.documents; p.docs += r.documents; p.sites += 1;
  }
  const periods = withGaps(Object.keys(byPeriod).sort().map(p => ({period: p})))
    .map(r => r.period);
  return [{type: "scatter", mode: "lines+markers", name: `all ${sites.length} sites`,
    line: {color: PALETTE[0]}, x: periods, y: periods.map(p => byPeriod[p] ? byPeriod[p].sum / byPeriod[p].docs : null),
    text: periods.map(p => byPeriod[p] ? `${byPeriod[p].docs} docs from ${byPeriod[p].sites} sites` : "")}];
}

function drawActor(data) {
  const plain = {displayModeBar: false, responsive: true};
  Plotly.newPlot("volume", [{type: "scatter", mode: "lines+markers", name: "mentions",
    x: data.volume.map(r => r.period), y: data.volume.map(r => r.mentions),
    text: data.volume.map(r => `${r.documents} documents`)}],
    {margin: {t: 20}, xaxis: {type: "date", title: {text: "month"}},
     yaxis: {title: {text: "mentions"}, rangemode: "tozero"}}, plain);
  Plotly.newPlot("stance", stanceTraces(data.stance),
    {margin: {t: 20}, showlegend: true, yaxis: {range: [-1.05, 1.05], title: {text: "mean stance"}},
     xaxis: {type: "date", title: {text: data.period}}}, plain);
  const box = document.getElementById("network");
  box.network = new vis.Network(box,
    {nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)},
    {nodes: {shape: "dot", scaling: {min: 8, max: 30}, font: {size: 18,
       strokeWidth: 3, strokeColor: "#ffffff"}},
     edges: {color: {color: "#c8ced8"}, scaling: {min: 1, max: 6}},
     physics: false});  // fixed places (marea/web/pages.network): names never overlap
}
drawActor(JSON.parse(document.getElementById("data").textContent));
