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
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: "axis",
      formatter: (items) => {
        const lines = items.filter((p) => p.value !== null && p.value !== undefined).map((p) => `${esc(p.seriesName)}: ${esc(p.value)}`);
        return [esc(items[0]?.axisValue), ...lines].join("<br>");
      },
    },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 60 },
    xAxis: { type: "category", data: data.labels },
    yAxis: { type: "value", minInterval: 1 },
    dataZoom: [{ type: "slider", startValue: Math.max(0, data.labels.length - 52) }],
    series: [
      { name: data.names.count, type: "bar", data: data.counts, itemStyle: { color: "#0b6e4f" } },
      { name: data.names.upper, type: "line", step: "middle", data: data.upper, symbol: "none", lineStyle: { color: "#c0392b", type: "dashed" }, areaStyle: { color: "rgba(192,57,43,0.08)" } },
      { name: data.names.alarm, type: "scatter", data: alarms, symbolSize: 10, itemStyle: { color: "#c0392b" } },
    ],
  });
  window.addEventListener("resize", () => chart.resize());
});
