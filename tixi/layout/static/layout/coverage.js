// Access to care: townships shaded by the share of residents within the chosen minutes of a facility kind.
document.addEventListener("DOMContentLoaded", () => {
  const mapEl = document.getElementById("coverage-map");
  const dataEl = document.getElementById("coverage-data");
  if (!mapEl || !dataEl || typeof echarts === "undefined") return;
  const data = JSON.parse(dataEl.textContent);
  const kind = document.getElementById("coverage-kind");
  const minutes = document.getElementById("coverage-minutes");
  const features = data.townships
    .filter((t) => t.geometry)
    .map((t) => ({ type: "Feature", properties: { name: t.name, code: t.code }, geometry: t.geometry }));
  echarts.registerMap("coverage", { type: "FeatureCollection", features });
  const map = echarts.init(mapEl);
  map.on("finished", () => mapEl.setAttribute("data-rendered", "1"));
  const safe = (text) => echarts.format.encodeHTML(String(text));
  const draw = () => {
    const k = kind.value;
    const m = minutes.value;
    const within = data.labels.within.replace("%(minutes)s", m);
    map.setOption({
      animation: false,
      tooltip: {
        trigger: "item",
        formatter: (p) => {
          const t = p.data || {};
          const share = t.value === undefined || t.value === null ? "—" : `${t.value}%`;
          return `${safe(p.name)}<br>${safe(data.labels.population)}: ${safe(t.population ?? "—")}<br>${safe(within)}: ${safe(share)}`;
        },
      },
      visualMap: { min: 0, max: 100, calculable: true, text: ["100%", "0%"], inRange: { color: ["#fbe3d6", "#0b6e4f"] }, left: 0, bottom: 0 },
      series: [{
        type: "map", map: "coverage", roam: true, layoutSize: "95%", label: { show: false },
        data: data.townships.map((t) => ({ name: t.name, value: t.share[k][m], population: t.population })),
      }],
    }, true);
  };
  kind.addEventListener("change", draw);
  minutes.addEventListener("change", draw);
  window.addEventListener("resize", () => map.resize());
  draw();
});
