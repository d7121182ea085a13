// make lighthouse: Lighthouse's mobile profile (Moto G Power screen, slow
// 4G, 4× CPU slowdown, simulated) on the home, a city, the compare and the
// strategy page in German and English, against the built site served with
// brotli/gzip by serve.mjs on 127.0.0.1. Nothing leaves the machine: the
// pages load only their own origin, and Lighthouse needs no network.
//
//   node tools/lighthouse/run.mjs [--site site/public] [--runs 3] [--cpu 6] [--json out.json] [path ...]
//
// Prints a Markdown table: per page the median run (by performance score)
// with its total blocking time, largest contentful paint, JavaScript
// transferred (compressed) and unpacked, console errors, and the 1-minute
// load average when the page's runs started (the machine may be shared).
// --cpu N instead applies an N× CPU slowdown for real (DevTools
// throttling), for finding errors that only a slow phone shows.
import { cpus, loadavg, totalmem } from "node:os";
import { writeFile } from "node:fs/promises";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { serve } from "./serve.mjs";

const PAGES = ["/", "/partner/muenchen/", "/vergleich/", "/strategie/", "/en/", "/en/partners/muenchen/", "/en/compare/", "/en/strategy/"];

function args(argv) {
  const o = { site: "site/public", runs: 3, cpu: 0, json: "", pages: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--site") o.site = argv[++i];
    else if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--cpu") o.cpu = Number(argv[++i]);
    else if (a === "--json") o.json = argv[++i];
    else if (a.startsWith("/")) o.pages.push(a);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.pages.length) o.pages = PAGES;
  return o;
}

function summarise(lhr) {
  const a = lhr.audits;
  const scripts = (a["network-requests"]?.details?.items || []).filter((r) => r.resourceType === "Script");
  const consoleErrors = (a["errors-in-console"]?.details?.items || []).map((e) => e.description);
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbt: Math.round(a["total-blocking-time"]?.numericValue ?? NaN),
    lcp: Math.round(a["largest-contentful-paint"]?.numericValue ?? NaN),
    jsTransfer: scripts.reduce((s, r) => s + (r.transferSize || 0), 0),
    jsResource: scripts.reduce((s, r) => s + (r.resourceSize || 0), 0),
    scripts: scripts.length,
    consoleErrors,
    runtimeError: lhr.runtimeError?.message || "",
    benchmarkIndex: lhr.environment?.benchmarkIndex,
  };
}

const kb = (n) => (n / 1024).toFixed(1);

async function main() {
  const o = args(process.argv.slice(2));
  const server = await serve(o.site);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "best-practices"] };
  const config = o.cpu
    ? { extends: "lighthouse:default", settings: { throttlingMethod: "devtools", throttling: { cpuSlowdownMultiplier: o.cpu, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } } }
    : undefined;
  const rows = [];
  try {
    for (const path of o.pages) {
      const load = loadavg()[0];
      const runs = [];
      for (let i = 0; i < o.runs; i++) {
        const r = await lighthouse(server.origin + path, flags, config);
        runs.push(summarise(r.lhr));
      }
      runs.sort((x, y) => x.performance - y.performance);
      const med = runs[Math.floor(runs.length / 2)];
      rows.push({ path, load, runs: runs.length, ...med, performanceAll: runs.map((r) => r.performance), consoleErrors: [...new Set(runs.flatMap((r) => r.consoleErrors))] });
      process.stderr.write(`${path}: ${med.performance} (${runs.map((r) => r.performance).join(", ")}), TBT ${med.tbt} ms, JS ${kb(med.jsTransfer)} KiB, load ${load.toFixed(1)}\n`);
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  const machine = `${cpus()[0]?.model || "?"}, ${cpus().length} logical CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, Lighthouse 12.8.2, Chromium at ${process.env.CHROME_PATH || "/usr/bin/chromium"}`;
  const mode = o.cpu ? `DevTools throttling, ${o.cpu}× CPU, no network throttling` : "mobile profile (simulated: slow 4G, 4× CPU)";
  const lines = [
    `${mode}; ${machine}; median of ${o.runs} run(s) by performance score`,
    "",
    "| page | performance (runs) | TBT ms | LCP ms | JS KiB transferred | JS KiB unpacked | scripts | console errors | load (1 min) |",
    "|---|---|---:|---:|---:|---:|---:|---|---:|",
    ...rows.map(
      (r) =>
        `| \`${r.path}\` | ${r.performance} (${r.performanceAll.join(", ")}) | ${r.tbt} | ${r.lcp} | ${kb(r.jsTransfer)} | ${kb(r.jsResource)} | ${r.scripts} | ${r.consoleErrors.length ? r.consoleErrors.join("; ").replace(/\|/g, "\\|") : "none"}${r.runtimeError ? " (" + r.runtimeError + ")" : ""} | ${r.load.toFixed(1)} |`,
    ),
  ];
  console.log(lines.join("\n"));
  if (o.json) await writeFile(o.json, JSON.stringify({ machine, mode, rows }, null, 2) + "\n");
}

await main();
