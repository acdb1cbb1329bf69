// Division dashboard charts (Apache ECharts, served by the app itself).
document.addEventListener("DOMContentLoaded", () => {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const rendered = (el) => el.setAttribute("data-rendered", "1");
  // names are data typed by users: a formatter returns HTML, so every value in it is escaped
  const esc = (value) => echarts.format.encodeHTML(String(value ?? ""));

  const typesEl = document.getElementById("chart-types");
  const types = echarts.init(typesEl);
  types.on("finished", () => rendered(typesEl));
  types.setOption({
    animation: false,
    grid: { left: 150, right: 30, top: 10, bottom: 30 },
    tooltip: {},
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: data.types.map((t) => t[0]) },
    series: [{ type: "bar", data: data.types.map((t) => t[1]), itemStyle: { color: "#0b6e4f" }, label: { show: true, position: "right" } }],
  });

  const trendEl = document.getElementById("chart-trend");
  const trend = echarts.init(trendEl);
  trend.on("finished", () => rendered(trendEl));
  trend.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: data.years },
    yAxis: { type: "value" },
    series: Object.entries(data.rates).map(([key, values]) => ({ name: data.rate_labels[key], type: "line", data: values })),
  });

  const mapEl = document.getElementById("chart-map");
  if (mapEl) {
    const map = echarts.init(mapEl);
    map.on("finished", () => rendered(mapEl));
    fetch(data.map_url, { credentials: "same-origin" }).then((r) => r.json()).then((geo) => {
      if (!geo.features.length) {  // no boundary in this year: no empty map (ECharts fails on one)
        echarts.dispose(mapEl);
        mapEl.closest(".panel").hidden = true;
        return;
      }
      echarts.registerMap("division", geo);
      const draw = (key) => {
        const values = geo.features.map((f) => ({ name: f.properties.name, value: f.properties[key] }));
        const numbers = values.map((v) => v.value).filter((v) => v !== null);
        map.setOption({
          animation: false,
          tooltip: { trigger: "item" },
          visualMap: { seriesIndex: 0, min: Math.min(...numbers, 0), max: Math.max(...numbers, 1), calculable: true, left: 10, bottom: 10, inRange: { color: ["#e0f2f1", "#0b6e4f"] } },
          // names on the map only when they fit (a county's 30 townships overlap): else on hover
          geo: { map: "division", roam: true, label: { show: geo.features.length <= 12, fontSize: 10 } },
          series: [
            { type: "map", geoIndex: 0, name: data.rate_labels[key], data: values },
            { type: "scatter", coordinateSystem: "geo", symbolSize: 5, itemStyle: { color: "#b44d12" },
              data: geo.institutions, tooltip: { formatter: (p) => `${esc(p.data.name)}<br>${esc(p.data.type)}` } },
          ],
        }, true);
      };
      const select = document.getElementById("map-rate");
      select.addEventListener("change", () => draw(select.value));
      draw(select.value);
    });
  }
  window.addEventListener("resize", () => [typesEl, trendEl, mapEl].forEach((el) => el && echarts.getInstanceByDom(el)?.resize()));
});
