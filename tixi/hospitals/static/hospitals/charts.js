// Hospital performance charts: the funnel plot of a division's hospitals and one hospital's trends
// against its targets. Data comes from json_script blocks; labels are escaped (encodeHTML).
document.addEventListener("DOMContentLoaded", () => {
  const escape = (text) => echarts.format.encodeHTML(String(text));
  const funnelData = document.getElementById("funnel-data");
  const funnelEl = document.getElementById("funnel");
  if (funnelData && funnelEl) {
    const f = JSON.parse(funnelData.textContent);
    const chart = echarts.init(funnelEl);
    chart.on("finished", () => funnelEl.setAttribute("data-rendered", "1"));
    const limit = (key) => f.limits.map((l) => [l.n, l[key]]);
    const line = (key, style) => ({ type: "line", data: limit(key), symbol: "none", lineStyle: style, silent: true });
    chart.setOption({
      animation: false,
      // the y-axis title runs along the axis (a title above the axis was cut off at the top)
      grid: { left: 56, right: 36, top: 16, bottom: 50, containLabel: true },
      xAxis: { type: "log", name: f.x, nameLocation: "middle", nameGap: 30 },
      yAxis: { type: "value", name: f.y + " (%)", nameLocation: "middle", nameRotate: 90, nameGap: 42, scale: true },
      tooltip: {
        trigger: "item", confine: true,
        formatter: (p) => (p.seriesIndex === 0 ? escape(p.data[2]) + "<br>" + escape(p.data[1]) + " / " + escape(p.data[0]) : ""),
      },
      series: [
        { type: "scatter", data: f.points, symbolSize: 7, itemStyle: { color: "#0b6e4f" } },
        line("lower95", { type: "dashed", color: "#b44d12" }), line("upper95", { type: "dashed", color: "#b44d12" }),
        line("lower998", { color: "#912018" }), line("upper998", { color: "#912018" }),
        { type: "line", data: f.limits.map((l) => [l.n, f.overall]), symbol: "none", lineStyle: { color: "#616e7c" }, silent: true },
      ],
    });
    window.addEventListener("resize", () => chart.resize());
  }
  const trendData = document.getElementById("trend-data");
  if (trendData) {
    JSON.parse(trendData.textContent).forEach((c) => {
      const el = document.getElementById("trend-" + c.id);
      if (!el) return;
      const years = Object.keys(c.values).sort();
      const chart = echarts.init(el);
      chart.on("finished", () => el.setAttribute("data-rendered", "1"));
      const targets = c.targets.map((t) => ({ yAxis: t.value, name: String(t.value) }));
      // the axis spans the values and the targets, so that a target line far from the values shows
      const all = [...years.map((y) => c.values[y]), ...c.targets.map((t) => t.value)].filter((v) => v !== null);
      const span = Math.max(...all) - Math.min(...all) || 1;
      chart.setOption({
        animation: false,
        grid: { left: 40, right: 30, top: 20, bottom: 24 },
        xAxis: { type: "category", data: years },
        // every figure is a count, share, index or mortality: the axis never goes below 0 (it read -1)
        yAxis: { type: "value", min: Math.max(0, Math.floor(Math.min(...all) - span * 0.1)), max: Math.ceil(Math.max(...all) + span * 0.1) },
        tooltip: { trigger: "axis", confine: true, formatter: (ps) => ps.map((p) => escape(p.name) + ": " + escape(p.value)).join("<br>") },
        series: [{
          type: "line", data: years.map((y) => c.values[y]), itemStyle: { color: "#0b6e4f" },
          markLine: targets.length ? { symbol: "none", data: targets, lineStyle: { type: "dashed", color: "#b44d12" }, label: { formatter: (p) => escape(p.name) } } : undefined,
        }],
      });
    });
  }
  // one hospital's year month by month: a small chart per figure, discharges as bars under each line
  const monthData = document.getElementById("month-data");
  if (monthData) {
    const m = JSON.parse(monthData.textContent);
    const labels = m.months.map((month) => month.slice(5));
    m.series.forEach((s) => {
      const el = document.getElementById("month-" + s.id);
      if (!el) return;
      const chart = echarts.init(el);
      chart.on("finished", () => el.setAttribute("data-rendered", "1"));
      chart.setOption({
        animation: false,
        grid: { left: 40, right: 40, top: 20, bottom: 24 },
        xAxis: { type: "category", data: labels },
        yAxis: [{ type: "value", scale: true }, { type: "value", show: false }],
        tooltip: {
          trigger: "axis", confine: true,
          formatter: (ps) => escape(m.months[ps[0].dataIndex]) + "<br>" + ps.map((p) => escape(p.seriesName) + ": " + escape(p.value ?? "—")).join("<br>"),
        },
        series: [
          { type: "bar", name: m.discharges_label, data: m.discharges, yAxisIndex: 1, itemStyle: { color: "#d9e2ec" } },
          { type: "line", name: s.label, data: s.values, itemStyle: { color: "#0b6e4f" } },
        ],
      });
    });
  }
});
