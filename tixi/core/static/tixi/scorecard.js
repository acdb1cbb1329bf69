// One small chart per target: the trajectory from baseline to target (linear or geometric) and the actual series.
document.addEventListener("DOMContentLoaded", () => {
  const charts = JSON.parse(document.getElementById("scorecard-charts").textContent);
  charts.forEach((c) => {
    const el = document.getElementById("chart-" + c.id.slice(1));
    if (!el) return;
    const years = Object.keys(c.series);
    let line = Object.entries(c.path || {}).map(([y, v]) => [String(y), v]);
    if (!line.length) {
      if (c.baseline !== null && c.baseline_year !== null) line.push([String(c.baseline_year), c.baseline]);
      if (c.target !== null) line.push([String(c.target_year), c.target]);
    }
    const allYears = [...new Set([...years, ...line.map((p) => p[0])])].sort();
    // the sparkline shows its values: the latest beside its point, every one in the tooltip
    const actual = allYears.map((y) => c.series[y] ?? null);
    const lastIndex = actual.reduce((last, v, i) => (v === null ? last : i), -1);
    const chart = echarts.init(el);
    chart.on("finished", () => el.setAttribute("data-rendered", "1"));
    chart.setOption({
      animation: false,
      grid: { left: 4, right: 30, top: 14, bottom: 4, containLabel: false },
      xAxis: { type: "category", data: allYears, show: false },
      yAxis: { type: "value", show: false, scale: true },
      tooltip: { trigger: "axis", confine: true },
      series: [
        {
          type: "line", data: actual, symbolSize: 3, lineStyle: { color: "#0b6e4f" }, itemStyle: { color: "#0b6e4f" },
          label: { show: true, position: "top", fontSize: 9, color: "#1f2933", formatter: (p) => (p.dataIndex === lastIndex ? String(p.value) : "") },
        },
        { type: "line", data: allYears.map((y) => { const p = line.find((q) => q[0] === y); return p ? p[1] : null; }), connectNulls: true, symbol: "none", lineStyle: { type: "dashed", color: "#b44d12" } },
      ],
    });
  });
});
