// Major projects on the map of the plan's region: township outlines and one point per project site.
(function () {
  const source = document.getElementById("project-map-data");
  const box = document.getElementById("project-map");
  if (!source || !box || typeof echarts === "undefined") return;
  const data = JSON.parse(source.textContent);
  // names are data typed by users: a formatter returns HTML, so every value in it is escaped
  const esc = (value) => echarts.format.encodeHTML(String(value ?? ""));
  echarts.registerMap("projects", { type: "FeatureCollection", features: data.features });
  const chart = echarts.init(box);
  chart.setOption({
    tooltip: { trigger: "item" },
    geo: { map: "projects", roam: true, label: { show: true, fontSize: 10, color: "#667085" },
      itemStyle: { areaColor: "#f2f4f7", borderColor: "#98a2b3" } },
    series: [{
      type: "scatter", coordinateSystem: "geo", symbolSize: (v) => 6 + Math.sqrt(v[2]) / 12,
      itemStyle: { color: "#1f6feb" }, data: data.points,
      tooltip: { formatter: (p) => `${esc(p.data.number)}. ${esc(p.data.name)}<br>${esc(p.data.site)}<br>${esc(p.data.value[2])}` },
    }],
  });
  chart.on("click", (p) => { if (p.data && p.data.url) window.location = p.data.url; });
  window.addEventListener("resize", () => chart.resize());
})();
