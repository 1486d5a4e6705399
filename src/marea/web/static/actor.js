// Charts of an actor's page and report: mention volume, stance by source, co-actor network.
function drawActor(data) {
  const plain = {displayModeBar: false, responsive: true};
  Plotly.newPlot("volume", [{type: "scatter", mode: "lines+markers", name: "mentions",
    x: data.volume.map(r => r.month), y: data.volume.map(r => r.n)}], {margin: {t: 20}}, plain);
  const bySite = {};
  for (const r of data.stance) { (bySite[r.site] = bySite[r.site] || []).push(r); }
  Plotly.newPlot("stance", Object.entries(bySite).map(([site, rows]) => ({type: "scatter",
    mode: "lines+markers", name: site, x: rows.map(r => r.period),
    y: rows.map(r => r.mean_score),
    text: rows.map(r => `${r.documents} docs: ${r.favor} favor, ${r.against} against`)})),
    {margin: {t: 20}, yaxis: {range: [-1.05, 1.05], title: "mean stance"},
     xaxis: {type: "category", title: data.period}}, plain);
  new vis.Network(document.getElementById("network"),
    {nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)},
    {physics: {stabilization: true}, nodes: {shape: "dot"}});
}
drawActor(JSON.parse(document.getElementById("data").textContent));
