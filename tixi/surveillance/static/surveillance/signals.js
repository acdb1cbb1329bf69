// The signals list's map: counties shaded by the number of listed signals (Apache ECharts, served by
// the app itself). Names and figures are data: every value a formatter returns is escaped.
document.addEventListener("DOMContentLoaded", () => {
  const el = document.getElementById("signals-map");
  const dataEl = document.getElementById("signals-map-data");
  if (!el || !dataEl || typeof echarts === "undefined") return;
  const data = JSON.parse(dataEl.textContent);
  if (!data) return;
  const esc = (value) => echarts.format.encodeHTML(String(value ?? ""));
  const features = data.counties.map((c) => ({ type: "Feature", properties: { name: c.name, code: c.code }, geometry: c.geometry }));
  echarts.registerMap("signals", { type: "FeatureCollection", features });
  const chart = echarts.init(el);
  chart.on("finished", () => el.setAttribute("data-rendered", "1"));
  const most = Math.max(1, ...data.counties.map((c) => c.signals));
  // County names: shown when the map is wide enough for them, and otherwise once zoomed in; names
  // that would overlap (small counties at city scale) are hidden rather than drawn over each other.
  const labelsAt = (zoom) => el.clientWidth * zoom > 600;
  let labelsShown = labelsAt(1);
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: "item",
      formatter: (p) => {
        const c = p.data || {};
        return `${esc(p.name)}<br>${esc(data.labels.signals)}: ${esc(c.value ?? 0)}<br>${esc(data.labels.overdue)}: ${esc(c.overdue ?? 0)}`;
      },
    },
    visualMap: { min: 0, max: most, calculable: true, inRange: { color: ["#f5f7fa", "#c0392b"] }, left: 0, bottom: 0, textStyle: { color: "#1b1f24", textBorderColor: "#ffffff", textBorderWidth: 3 } },
    series: [{
      type: "map", map: "signals", roam: true, layoutSize: "95%",
      // dark names in a white halo: readable on the palest and on the darkest red alike
      label: { show: labelsShown, fontSize: 12, color: "#1b1f24", textBorderColor: "#ffffff", textBorderWidth: 3, formatter: (p) => esc(p.name) },
      emphasis: { label: { color: "#1b1f24", textBorderColor: "#ffffff", textBorderWidth: 3 } },
      labelLayout: { hideOverlap: true },
      data: data.counties.map((c) => ({ name: c.name, value: c.signals, overdue: c.overdue })),
    }],
  });
  chart.on("georoam", () => {
    const zoom = chart.getOption().series[0].zoom || 1;
    if (labelsAt(zoom) !== labelsShown) {
      labelsShown = labelsAt(zoom);
      chart.setOption({ series: [{ label: { show: labelsShown } }] });
    }
  });
  el.setAttribute("data-labels", String(labelsShown));
  chart.on("finished", () => el.setAttribute("data-labels", String(labelsShown)));
  // a county clicked filters the list to it
  chart.on("click", (p) => {
    const county = data.counties.find((c) => c.name === p.name);
    if (!county) return;
    const url = new URL(window.location.href);
    url.searchParams.set("county", county.code);
    window.location.assign(url.toString());
  });
  window.addEventListener("resize", () => chart.resize());
});
