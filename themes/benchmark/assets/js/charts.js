// The charts loader: a few hundred bytes on every page with a chart. It
// reserves each chart's space, and when the first chart comes near the
// viewport loads the page's ECharts bundle (only the chart kinds this page
// has: data-bundle and data-integrity on this script's own tag, made by
// charts-script.html) and draws each chart as it scrolls into view. A chart
// the stylesheet does not show (the strategy heat map on a phone, where its
// table with the same colours takes its place) is not drawn until it shows.
// Without JavaScript nothing here runs: the chart areas stay hidden
// (css/nojs.css) and the tables hold every number.
//
// document.documentElement.dataset.chartsReady becomes "true" when every
// chart that shows has drawn, "error" when one failed; each chart's
// container gets data-drawn="true" (or "error"). A page script that
// rewrites a chart's JSON (the compare page) dispatches a
// "benchmark:chart-update" event on its option script: a drawn chart is
// drawn again, one not yet drawn is drawn as it is when it comes into view.
import { chartHeight } from "./chart-size.js";

const root = document.documentElement;
const self = document.currentScript;
let bundle = null;

function loadBundle() {
  if (!bundle) {
    bundle = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = self.dataset.bundle;
      s.integrity = self.dataset.integrity;
      s.crossOrigin = "anonymous";
      s.onload = () => (window.benchmarkCharts ? resolve(window.benchmarkCharts) : reject(new Error("charts bundle did not start")));
      s.onerror = () => reject(new Error(`charts bundle ${s.src} did not load`));
      document.head.appendChild(s);
    });
  }
  return bundle;
}

function shows(el) {
  return el.getClientRects().length > 0;
}

function start() {
  const scripts = Array.from(document.querySelectorAll('script[type="application/json"][data-chart]'));
  const charts = [];
  for (const script of scripts) {
    const el = document.getElementById(script.dataset.chart);
    if (!el) continue;
    // Reserve the height the chart will have (a row per category).
    try {
      const dataScript = document.querySelector(`script[type="application/json"][data-chart-data="${script.dataset.chart}"]`);
      const kind = dataScript ? (JSON.parse(dataScript.textContent).kind || "") : "";
      const h = chartHeight(JSON.parse(script.textContent), kind);
      if (h) el.style.height = `${h}px`;
    } catch {
      // draw() reports a broken option.
    }
    charts.push({ script, el });
  }
  const settle = () => {
    if (root.dataset.chartsReady === "error") return;
    if (charts.every((c) => c.el.dataset.drawn === "true" || !shows(c.el))) root.dataset.chartsReady = "true";
  };
  const draw = (c, again) => {
    if (c.el.dataset.drawn === "loading") {
      c.dirty = true;
      return;
    }
    if (c.el.dataset.drawn && !again) return;
    c.el.dataset.drawn = "loading";
    c.dirty = false;
    loadBundle()
      .then((api) => api.draw(c.script))
      .then(
        () => {
          c.el.dataset.drawn = "true";
          if (c.dirty) draw(c, true);
          else settle();
        },
        (err) => {
          c.el.dataset.drawn = "error";
          root.dataset.chartsReady = "error";
          throw err;
        },
      );
  };
  document.addEventListener("benchmark:chart-update", (e) => {
    const c = charts.find((x) => x.script === e.target);
    if (c && c.el.dataset.drawn) draw(c, true);
  });
  if (!("IntersectionObserver" in window)) {
    charts.filter((c) => shows(c.el)).forEach(draw);
    return;
  }
  // Start when the chart scrolls into view: a chart just below the first
  // screen (the home page's ranking on a phone) costs nothing until the
  // reader scrolls to it.
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        draw(charts.find((c) => c.el === e.target));
      }
    },
    { rootMargin: "0px" },
  );
  charts.forEach((c) => io.observe(c.el));
  // A chart the stylesheet hides (display: none) never intersects; when the
  // window grows, it may show, and the observer sees it then.
  window.addEventListener("resize", settle);
  settle();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
