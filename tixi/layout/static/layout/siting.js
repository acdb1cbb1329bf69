// Where to build next: townships shaded by the share of residents within reach (today or with the new
// sites), the existing facilities of the kind and the chosen sites marked. Names are escaped.
document.addEventListener("DOMContentLoaded", () => {
  const mapEl = document.getElementById("siting-map");
  const dataEl = document.getElementById("siting-data");
  if (!mapEl || !dataEl || typeof echarts === "undefined") return;
  const data = JSON.parse(dataEl.textContent);
  const shade = document.getElementById("siting-shade");
  const features = data.townships
    .filter((t) => t.geometry)
    .map((t) => ({ type: "Feature", properties: { name: t.name, code: t.code }, geometry: t.geometry }));
  echarts.registerMap("siting", { type: "FeatureCollection", features });
  const map = echarts.init(mapEl);
  map.on("finished", () => mapEl.setAttribute("data-rendered", "1"));
  const safe = (text) => echarts.format.encodeHTML(String(text));
  const share = (value) => (value === undefined || value === null ? "—" : `${value}%`);
  const draw = () => {
    const which = shade.value;
    const label = which === "after" ? data.labels.after : data.labels.today;
    map.setOption({
      animation: false,
      geo: { map: "siting", roam: true, layoutSize: "95%", itemStyle: { borderColor: "#888" }, emphasis: { label: { show: false } } },
      legend: { top: 0, right: 0, data: [data.labels.existing, data.labels.sites] },
      tooltip: {
        trigger: "item",
        formatter: (p) => {
          if (p.seriesType === "map") {
            const t = p.data || {};
            return `${safe(p.name)}<br>${safe(data.labels.population)}: ${safe(t.population ?? "—")}<br>${safe(label)}: ${safe(share(t.value))}`;
          }
          const [, , name, served] = p.value;
          const extra = served === null || served === undefined ? "" : `<br>${safe(data.labels.served)}: ${safe(served)}`;
          return `${safe(p.seriesName)}<br>${safe(name)}${extra}`;
        },
      },
      visualMap: { seriesIndex: 0, min: 0, max: 100, calculable: true, text: ["100%", "0%"], inRange: { color: ["#fbe3d6", "#0b6e4f"] }, left: 0, bottom: 0 },
      series: [
        {
          type: "map", geoIndex: 0, name: label,
          data: data.townships.map((t) => ({ name: t.name, value: t[which], population: t.population })),
        },
        {
          type: "scatter", coordinateSystem: "geo", name: data.labels.existing, symbol: "circle", symbolSize: 7,
          itemStyle: { color: "#3b5ba5", borderColor: "#fff", borderWidth: 1 }, data: data.existing, z: 3,
        },
        {
          type: "scatter", coordinateSystem: "geo", name: data.labels.sites, symbol: "pin", symbolSize: 30,
          itemStyle: { color: "#c0392b" }, data: data.sites, z: 4,
          label: { show: true, formatter: (p) => String(p.dataIndex + 1), color: "#fff", fontWeight: "bold" },
        },
      ],
    }, true);
  };
  shade.addEventListener("change", draw);
  window.addEventListener("resize", () => map.resize());
  draw();
});
