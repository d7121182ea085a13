// Renders every chart on the page from the option JSON the generator wrote
// (generator/charts). The JSON sits in <script type="application/json"
// data-chart="ID"> beside the element with that ID; nothing else on the
// page is script. Sets document.documentElement.dataset.chartsReady to
// "true" when every chart has drawn (or "error" when one failed).
import * as echarts from "echarts/core";
import { BarChart, LineChart, RadarChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  RadarChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const root = document.documentElement;
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
const lang = root.lang || "de";
const number = new Intl.NumberFormat(lang, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const integer = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });

// Colours come from the stylesheet, so charts follow light and dark mode.
function palette() {
  const css = getComputedStyle(root);
  const v = (name) => css.getPropertyValue(name).trim();
  const series = [];
  for (let i = 1; i <= 6; i++) {
    const c = v(`--chart-${i}`);
    if (c) series.push(c);
  }
  return { fg: v("--fg"), muted: v("--muted"), line: v("--line"), bg: v("--bg"), series };
}

function formatValue(value) {
  if (value === null || value === undefined || value === "-") return "–";
  if (typeof value !== "number") return String(value);
  return number.format(value);
}

function axisStyle(axis, c) {
  for (const a of [].concat(axis || [])) {
    a.axisLabel = Object.assign({ color: c.muted, fontSize: 13 }, a.axisLabel);
    a.nameTextStyle = Object.assign({ color: c.muted }, a.nameTextStyle);
    a.axisLine = Object.assign({}, a.axisLine, { lineStyle: { color: c.line } });
    a.splitLine = Object.assign({}, a.splitLine, { lineStyle: { color: c.line } });
    if (a.type === "value") {
      a.axisLabel.formatter = (v) => integer.format(v);
    }
  }
}

// Adds what JSON cannot carry: colours, number formats in the page's
// language, animation per the reader's motion preference.
function prepare(option) {
  const c = palette();
  option.animation = !reducedMotion.matches && option.animation !== false;
  if (c.series.length) option.color = c.series;
  option.textStyle = Object.assign({ color: c.fg, fontFamily: "inherit", fontSize: 13 }, option.textStyle);
  if (option.legend) {
    option.legend.textStyle = Object.assign({ color: c.fg, fontSize: 13 }, option.legend.textStyle);
  }
  if (option.tooltip) {
    option.tooltip.valueFormatter = formatValue;
    option.tooltip.backgroundColor = c.bg;
    option.tooltip.borderColor = c.line;
    option.tooltip.textStyle = Object.assign({ color: c.fg }, option.tooltip.textStyle);
  }
  axisStyle(option.xAxis, c);
  axisStyle(option.yAxis, c);
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
  return option;
}

function render(script) {
  const el = document.getElementById(script.dataset.chart);
  if (!el) throw new Error(`chart container #${script.dataset.chart} is missing`);
  const option = prepare(JSON.parse(script.textContent));
  // A bar per category: the chart grows with the number of cities.
  const cats = [].concat(option.yAxis || []).find((a) => a.type === "category");
  if (cats && cats.data) el.style.height = `${Math.max(160, 44 * cats.data.length + 70)}px`;
  el.hidden = false;
  const chart = echarts.init(el, null, { renderer: "canvas" });
  const drawn = new Promise((resolve) => chart.on("finished", resolve));
  chart.setOption(option);
  new ResizeObserver(() => chart.resize()).observe(el);
  return drawn;
}

function renderAll() {
  const scripts = document.querySelectorAll('script[type="application/json"][data-chart]');
  Promise.all(Array.from(scripts, (s) => Promise.resolve(s).then(render))).then(
    () => {
      root.dataset.chartsReady = "true";
    },
    (err) => {
      root.dataset.chartsReady = "error";
      throw err;
    },
  );
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", renderAll);
} else {
  renderAll();
}
