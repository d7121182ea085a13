// Draws one chart from the option JSON the generator wrote
// (generator/charts): the ECharts half of the charts script. It is bundled
// once per set of chart kinds a page has (echarts-bundle.js), and loaded by
// the loader (charts.js) only when the page's first chart comes near the
// viewport. The JSON sits in <script type="application/json"
// data-chart="ID"> beside the element with that ID, the chart's data rows
// (the numbers of the page's table) in data-chart-data="ID"; draw() adds
// the PNG and CSV download buttons once the chart is there.
import { init, registerMap } from "echarts/core";
import { chartHeight } from "./chart-size.js";

const root = document.documentElement;
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
const lang = root.lang || "de";
// Number formats by decimals: a chart's values are shown with the digits
// the generator gives it (data.decimals: the framework's for scores, the
// indicator's for its values, 0 for ranks and counts), its value axes with
// at most as many.
const formats = new Map();
function numberFormat(decimals, exact) {
  const key = `${decimals}/${exact}`;
  if (!formats.has(key)) {
    formats.set(key, new Intl.NumberFormat(lang, { minimumFractionDigits: exact ? decimals : 0, maximumFractionDigits: decimals }));
  }
  return formats.get(key);
}

// Colours come from the stylesheet, so charts follow light and dark mode.
function palette() {
  const css = getComputedStyle(root);
  const v = (name) => css.getPropertyValue(name).trim();
  const series = [];
  for (let i = 1; i <= 6; i++) {
    const c = v(`--chart-${i}`);
    if (c) series.push(c);
  }
  const status = [0, 1, 2, 3, 4].map((i) => v(`--status-${i}`));
  return { fg: v("--fg"), muted: v("--muted"), line: v("--line"), bg: v("--bg"), series, status, font: css.fontFamily || "sans-serif" };
}

function valueFormatter(decimals) {
  const number = numberFormat(decimals, true);
  return (value) => {
    if (value === null || value === undefined || value === "-") return "–";
    if (typeof value !== "number") return String(value);
    return number.format(value);
  };
}

function axisStyle(axis, c, decimals) {
  const tick = numberFormat(Math.max(decimals, 2), false);
  for (const a of [].concat(axis || [])) {
    // Labels that would run into each other are left out (every other
    // year on a phone), unless the chart's option says otherwise.
    a.axisLabel = Object.assign({ color: c.muted, fontSize: 13, hideOverlap: true }, a.axisLabel);
    a.nameTextStyle = Object.assign({ color: c.muted }, a.nameTextStyle);
    a.axisLine = Object.assign({}, a.axisLine, { lineStyle: { color: c.line } });
    a.splitLine = Object.assign({}, a.splitLine, { lineStyle: { color: c.line } });
    if (a.type === "value") {
      // Ticks keep the decimals they have (2,5 is not 3), up to two more
      // than the values show.
      a.axisLabel.formatter = (v) => tick.format(v);
    }
  }
}

// Adds what JSON cannot carry: colours, number formats in the page's
// language, animation per the reader's motion preference.
function prepare(option, kind, width, decimals) {
  const c = palette();
  const formatValue = valueFormatter(decimals);
  option.animation = !reducedMotion.matches && option.animation !== false;
  if (c.series.length) option.color = c.series;
  // The page's own font stack: a canvas takes no "inherit" (it would fall
  // back to 10px sans-serif, the size of every label, whatever fontSize says).
  option.textStyle = Object.assign({ color: c.fg, fontFamily: c.font, fontSize: 13 }, option.textStyle);
  if (option.legend) {
    option.legend.textStyle = Object.assign({ color: c.fg, fontSize: 13 }, option.legend.textStyle);
  }
  if (option.tooltip) {
    // Keep tooltips inside the chart: on a phone a tooltip near the edge
    // would otherwise widen the page.
    option.tooltip.confine = true;
    option.tooltip.valueFormatter = formatValue;
    option.tooltip.backgroundColor = c.bg;
    option.tooltip.borderColor = c.line;
    option.tooltip.textStyle = Object.assign({ color: c.fg }, option.tooltip.textStyle);
  }
  axisStyle(option.xAxis, c, decimals);
  axisStyle(option.yAxis, c, decimals);
  for (const r of [].concat(option.radar || [])) {
    r.axisName = Object.assign({ color: c.fg, fontSize: 13 }, r.axisName);
    r.axisLine = { lineStyle: { color: c.line } };
    r.splitLine = { lineStyle: { color: c.line } };
    r.splitArea = { show: false };
  }
  for (const s of option.series || []) {
    if (s.label && s.label.show) {
      s.label.color = c.fg;
      s.label.formatter = (p) => formatValue(Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value);
    }
  }
  // A series without a name only lifts the next one (the stacked bars of
  // intervals and timelines): invisible, silent, out of legend and tooltip.
  const named = [];
  for (const s of option.series || []) {
    if (s.name) {
      named.push(s.name);
    } else {
      Object.assign(s, { silent: true, tooltip: { show: false }, emphasis: { disabled: true } });
    }
  }
  if (option.legend && named.length < (option.series || []).length) option.legend.data = named;
  const years = (a) => Object.assign(a, { axisLabel: Object.assign(a.axisLabel, { formatter: (v) => String(Math.round(v)) }) });
  const truncate = (a) => {
    if (a.type === "category") Object.assign(a.axisLabel, { width: Math.min(220, Math.round((width || 1000) * 0.42)), overflow: "truncate" });
  };
  if (kind === "bar") {
    // Long category names (topics) beside horizontal bars break into lines
    // instead of squeezing the bars to nothing on a phone.
    for (const a of [].concat(option.yAxis || [])) {
      if (a.type === "category") a.axisLabel = Object.assign({ width: Math.min(220, Math.round((width || 1000) * 0.42)), overflow: "break" }, a.axisLabel);
    }
  }
  if (kind === "timeline") {
    [].concat(option.xAxis || []).forEach(years);
    [].concat(option.yAxis || []).forEach(truncate);
  }
  if (kind === "interval") {
    // Ranks are whole numbers; the axis runs half a rank beyond each end.
    for (const a of [].concat(option.xAxis || [])) {
      a.minInterval = 1;
      Object.assign(a.axisLabel, { showMinLabel: false, showMaxLabel: false });
    }
  }
  if (kind === "timeline" || kind === "interval") {
    // Patterns as well as colours tell the series apart.
    option.aria = Object.assign(option.aria || {}, { decal: { show: true } });
  }
  if (kind === "heatmap") {
    [].concat(option.yAxis || []).forEach(truncate);
    for (const s of option.series || []) {
      if (s.label) s.label.formatter = "{b}";
      s.itemStyle = Object.assign({}, s.itemStyle, { borderColor: c.bg });
      for (const d of s.data || []) {
        d.itemStyle = { color: c.status[d.value[2]] || c.bg };
      }
    }
  }
  if (kind === "map") {
    option.geo = Object.assign(option.geo || {}, {
      itemStyle: { areaColor: c.status[0] || c.bg, borderColor: c.muted, borderWidth: 1 },
      aspectScale: 0.65,
      layoutCenter: ["50%", "46%"],
      layoutSize: "88%",
    });
    for (const s of option.series || []) {
      if (s.label) s.label.formatter = "{b}";
    }
  }
  return option;
}

// The CSV download: a header row and the chart's data rows, UTF-8 with a
// byte-order mark (so spreadsheet programs read the umlauts), comma
// separated, numbers with a dot whatever the page's language, text that
// a spreadsheet could take for a formula prefixed with an apostrophe.
function csvCell(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(data) {
  const lines = [data.columns].concat(data.rows || []).map((r) => r.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function save(href, name) {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

// Real buttons, added only once the chart is there: without JavaScript
// the page has no dead control, and the table holds the numbers. The CSV
// holds the data the chart shows now (data() reads it at the click).
function addButtons(figure, chart, data) {
  const file = figure.dataset.file || "chart";
  const bar = document.createElement("div");
  bar.className = "chart-actions";
  const button = (text, label, onClick) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    bar.appendChild(b);
  };
  button("PNG", figure.dataset.labelPng || "PNG", () => {
    save(chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: palette().bg }), `${file}.png`);
  });
  button("CSV", figure.dataset.labelCsv || "CSV", () => {
    const url = URL.createObjectURL(new Blob([csv(data())], { type: "text/csv;charset=utf-8" }));
    save(url, `${file}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
  const caption = figure.querySelector("figcaption");
  figure.insertBefore(bar, caption);
}

// Each container's chart and the data it shows, so that a page script
// (the compare page) can change a chart: it rewrites the JSON and asks
// the loader to draw again.
const drawn = new WeakMap();

function finished(chart) {
  return new Promise((resolve) => {
    const done = () => {
      chart.off("finished", done);
      resolve();
    };
    chart.on("finished", done);
  });
}

// draw renders the chart whose option script is given (again, with the
// option the script holds now, if it was drawn before) and resolves when
// it has finished drawing.
export function draw(script) {
  const id = script.dataset.chart;
  const el = document.getElementById(id);
  if (!el) throw new Error(`chart container #${id} is missing`);
  const dataScript = document.querySelector(`script[type="application/json"][data-chart-data="${id}"]`);
  const data = dataScript ? JSON.parse(dataScript.textContent) : { kind: "", columns: [], rows: [] };
  if (data.kind === "map" && data.outline) registerMap("outline", data.outline);
  const option = prepare(JSON.parse(script.textContent), data.kind, el.clientWidth,
    Number.isInteger(data.decimals) ? data.decimals : 1);
  const h = chartHeight(option, data.kind);
  if (h) el.style.height = `${h}px`;
  const known = drawn.get(el);
  if (known) {
    known.data = data;
    const done = finished(known.chart);
    known.chart.setOption(option, { notMerge: true });
    if (h) known.chart.resize();
    return done;
  }
  const chart = init(el, null, { renderer: "canvas" });
  const state = { chart, data };
  drawn.set(el, state);
  const done = finished(chart);
  chart.setOption(option);
  // Resize once per frame, and never to nothing: a chart laid out at zero
  // width or height (a folded section, a full-page screenshot's relayout)
  // has no view to fit, and ECharts' map then fails on a singular matrix.
  let frame = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0) chart.resize();
    });
  }).observe(el);
  const figure = el.closest("figure");
  return done.then(() => {
    if (figure) addButtons(figure, chart, () => state.data);
  });
}
