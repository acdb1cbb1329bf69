// A signal's series with the method's threshold band (Apache ECharts, served by the app itself).
document.addEventListener("DOMContentLoaded", () => {
  const el = document.getElementById("chart-series");
  if (!el) return;
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  // labels are data: a formatter returns HTML, so every value in it is escaped
  const esc = (value) => echarts.format.encodeHTML(String(value ?? ""));
  const chart = echarts.init(el);
  chart.on("finished", () => el.setAttribute("data-rendered", "1"));
  const alarms = data.counts.map((c, i) => (data.alarms[i] ? c : null));
  // the nowcast of the last periods by onset: reported so far, median, and a 95 % band drawn as a stack
  // of the lower limit (invisible) and the interval's width
  const nc = data.nowcast;
  const extra = [];
  if (nc) {
    const inside = nc.median.map((v) => v !== null);
    extra.push(
      { name: data.names.onsets, type: "line", data: nc.observed.map((v, i) => (inside[i] ? v : null)), symbol: "circle", symbolSize: 5, lineStyle: { color: "#555", type: "dotted" }, itemStyle: { color: "#555" } },
      { name: data.names.nowcast, type: "line", data: nc.median, symbol: "none", lineStyle: { color: "#1f5fa8" }, itemStyle: { color: "#1f5fa8" } },
      { name: "lower", type: "line", data: nc.lower, stack: "band", symbol: "none", lineStyle: { opacity: 0 }, tooltip: { show: false } },
      { name: data.names.band, type: "line", data: nc.upper.map((u, i) => (u === null ? null : u - nc.lower[i])), stack: "band", symbol: "none", lineStyle: { opacity: 0 }, itemStyle: { color: "rgba(31,95,168,0.35)" }, areaStyle: { color: "rgba(31,95,168,0.18)" } },
    );
  }
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: "axis",
      // each line from the data arrays by the period's index (the band's stacked width is not shown)
      formatter: (items) => {
        const i = items[0]?.dataIndex ?? 0;
        const lines = [[data.names.count, data.counts[i]], [data.names.upper, data.upper[i]]];
        if (data.alarms[i]) lines.push([data.names.alarm, data.counts[i]]);
        if (nc && nc.median[i] !== null) {
          lines.push([data.names.onsets, nc.observed[i]], [data.names.nowcast, nc.median[i]], [data.names.band, `${nc.lower[i]}–${nc.upper[i]}`]);
        }
        const shown = lines.filter(([, v]) => v !== null && v !== undefined).map(([name, v]) => `${esc(name)}: ${esc(v)}`);
        return [esc(items[0]?.axisValue), ...shown].join("<br>");
      },
    },
    legend: { top: 0, type: "scroll", data: [data.names.count, data.names.upper, data.names.alarm, ...(nc ? [data.names.onsets, data.names.nowcast, data.names.band] : [])] },
    grid: { left: 40, right: 16, top: 36, bottom: 60 },
    xAxis: { type: "category", data: data.labels },
    yAxis: { type: "value", minInterval: 1 },
    // a year of periods in view, with the signal's own near its right end
    dataZoom: [{ type: "slider", startValue: Math.max(0, Math.min((data.signal ?? data.labels.length) - 39, data.labels.length - 52)), endValue: Math.max(0, Math.min((data.signal ?? data.labels.length) - 39, data.labels.length - 52)) + 51 }],
    series: [
      {
        name: data.names.count, type: "bar", data: data.counts, itemStyle: { color: "#0b6e4f" },
        // the signal's own period marked; the periods after it (the data as stored now) shaded
        markLine: data.signal === undefined ? undefined : { symbol: "none", silent: true, label: { show: false }, lineStyle: { color: "#c0392b" }, data: [{ xAxis: data.labels[data.signal] }] },
        markArea: data.signal === undefined || data.signal >= data.labels.length - 1 ? undefined : { silent: true, itemStyle: { color: "rgba(0,0,0,0.04)" }, label: { position: "insideTop", formatter: () => data.names.since, color: "#555" }, data: [[{ xAxis: data.labels[data.signal + 1] }, { xAxis: data.labels[data.labels.length - 1] }]] },
      },
      { name: data.names.upper, type: "line", step: "middle", data: data.upper, symbol: "none", lineStyle: { color: "#c0392b", type: "dashed" }, areaStyle: { color: "rgba(192,57,43,0.08)" } },
      { name: data.names.alarm, type: "scatter", data: alarms, symbolSize: 10, itemStyle: { color: "#c0392b" } },
      ...extra,
    ],
  });
  // a point of a case series lists the cases behind it
  if (data.cases_link && data.starts) {
    chart.getZr().on("click", (event) => {
      const at = chart.convertFromPixel({ seriesIndex: 0 }, [event.offsetX, event.offsetY]);
      const i = Array.isArray(at) ? Math.round(at[0]) : -1;
      if (i < 0 || i >= data.starts.length) return;
      const url = new URL(window.location.href);
      url.searchParams.set("period", data.starts[i]);
      url.hash = "cases-heading";
      window.location.assign(url.toString());
    });
  }
  window.addEventListener("resize", () => chart.resize());
});
