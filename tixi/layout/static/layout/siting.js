// Where to build next: townships shaded by the share of residents within reach (today or with the new
// sites), the existing facilities of the kind and the chosen sites marked. Names are escaped.

// Pins closer than `near` pixels (two sites in one town) are fanned out side by side, `step` pixels
// apart, west to east as their points lie (by number when level), so that each is seen and its
// number read; a pin near any pin of a fan joins it. Returns each pin's [dx, dy] offset (points: [x, y] or null).
function fanOffsets(points, near, step) {
  const offsets = points.map(() => [0, 0]);
  const done = points.map((p) => !p);
  points.forEach((p, i) => {
    if (done[i]) return;
    const group = [i];
    done[i] = true;
    for (let g = 0; g < group.length; g++) {
      const [x, y] = points[group[g]];
      points.forEach((q, j) => {
        if (!done[j] && Math.hypot(q[0] - x, q[1] - y) < near) {
          group.push(j);
          done[j] = true;
        }
      });
    }
    group.sort((a, b) => points[a][0] - points[b][0] || a - b);
    group.forEach((member, n) => {
      offsets[member] = [(n - (group.length - 1) / 2) * step, 0];
    });
  });
  return offsets;
}
if (typeof window !== "undefined") window.tixiFanOffsets = fanOffsets;

const PIN_NEAR = 24; // px: pins of 30 px closer than this hide each other's numbers
const PIN_STEP = 22; // px between the pins of a fan

if (typeof document !== "undefined") document.addEventListener("DOMContentLoaded", () => {
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
    spreadPins();
  };
  // where the pins fall depends on the zoom: fanned again after each pan or zoom
  const spreadPins = () => {
    const points = data.sites.map((s) => map.convertToPixel({ geoIndex: 0 }, [s[0], s[1]]) || null);
    const offsets = fanOffsets(points, PIN_NEAR, PIN_STEP);
    map.setOption({ series: [{}, {}, { data: data.sites.map((s, i) => ({ value: s, symbolOffset: offsets[i] })) }] });
    mapEl.setAttribute("data-pin-offsets", JSON.stringify(offsets));
  };
  map.on("georoam", spreadPins);
  shade.addEventListener("change", draw);
  window.addEventListener("resize", () => map.resize());
  draw();
});
