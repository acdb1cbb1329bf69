// Division tree: collapsible rows (counties shown, townships folded) and a map of the chosen region.
document.addEventListener("DOMContentLoaded", () => {
  const rows = Array.from(document.querySelectorAll("#division-tree tbody tr"));
  const below = (row) => rows.filter((r) => r !== row && r.dataset.path.startsWith(row.dataset.path));
  const setOpen = (row, open) => {
    const button = row.querySelector(".tree-toggle");
    if (button) {
      button.setAttribute("aria-expanded", String(open));
      button.textContent = open ? "▾" : "▸";
    }
    below(row).forEach((r) => {
      r.hidden = !open;
      if (open) setOpen(r, r.querySelector(".tree-toggle")?.getAttribute("aria-expanded") !== "false");
    });
  };
  const collapseTo = (level) => {
    rows.forEach((r) => { if (r.querySelector(".tree-toggle")) setOpen(r, Number(r.dataset.level) < level); });
    rows.forEach((r) => { r.hidden = rows.some((p) => p !== r && r.dataset.path.startsWith(p.dataset.path) && p.querySelector(".tree-toggle")?.getAttribute("aria-expanded") === "false"); });
  };
  rows.forEach((row) => {
    const button = row.querySelector(".tree-toggle");
    if (button) button.addEventListener("click", () => setOpen(row, button.getAttribute("aria-expanded") !== "true"));
  });
  document.getElementById("tree-expand-all")?.addEventListener("click", () => collapseTo(99));
  // folded one level below the user's top region: a city's counties show, their townships fold
  const fold = Math.min(...rows.map((r) => Number(r.dataset.level))) + 1;
  document.getElementById("tree-collapse-all")?.addEventListener("click", () => collapseTo(fold));
  collapseTo(fold);

  const mapEl = document.getElementById("tree-map");
  const choice = document.getElementById("tree-map-root");
  if (!mapEl || !choice || typeof echarts === "undefined") return;
  const map = echarts.init(mapEl);
  map.on("finished", () => mapEl.setAttribute("data-rendered", "1"));
  const draw = () => {
    mapEl.removeAttribute("data-rendered");
    fetch(choice.value, { credentials: "same-origin" }).then((r) => r.json()).then((geo) => {
      const regions = { type: "FeatureCollection", features: geo.features };
      echarts.registerMap("tree", regions);
      map.clear();
      map.setOption({
        animation: false,
        // a division's name is typed by users: escaped, as a hover box renders its text as HTML
        tooltip: { trigger: "item", formatter: (p) => echarts.format.encodeHTML(String(p.name ?? "")) },
        series: [{ type: "map", map: "tree", roam: true, label: { show: true, fontSize: 10 },
          itemStyle: { areaColor: "#e6f4ea", borderColor: "#0b6e4f" }, emphasis: { itemStyle: { areaColor: "#b7e4c7" } },
          data: geo.features.map((f) => ({ name: f.properties.name, code: f.properties.code })) }],
      });
    });
  };
  map.on("click", (p) => { if (p.data && p.data.code) window.location.href = `/divisions/${p.data.code}/?year=${mapEl.dataset.year}`; });
  choice.addEventListener("change", draw);
  window.addEventListener("resize", () => map.resize());
  draw();
});
