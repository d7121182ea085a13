// The city page's table of every indicator in every year
// (layouts/_partials/city/kpi-years.html). The page carries only the
// table's caption and years. Its rows are those of the table of latest
// values (city/kpis.html, named by data-rows: the same indicators, grouped
// by dimension alike, each row with its unit and decimals as data
// attributes); its values come from the partner's data file
// (data/compare/cities/<slug>.json, written by generator/sitedata: "years"
// and "by_year"), loaded the first time the fold is opened, so that the
// many readers who never open it download neither.
// Without JavaScript the fold links the file and the downloads instead.

import { numberFormatter } from "./number.js";

for (const fold of document.querySelectorAll("details.kpi-years[data-src]")) {
  fold.addEventListener("toggle", () => fill(fold));
  fill(fold);
}

// fill loads the values once the fold is open; after a failure, the next
// opening tries again.
async function fill(fold) {
  if (!fold.open || fold.dataset.state) return;
  fold.dataset.state = "loading";
  const status = fold.querySelector(".kpi-years-status");
  const template = (name) => fold.querySelector("template.kpi-years-" + name).content;
  status.textContent = template("loading").textContent;
  try {
    const res = await fetch(fold.dataset.src);
    if (!res.ok) throw new Error(res.status + " " + res.statusText);
    const data = await res.json();
    const head = [...fold.querySelectorAll("thead th.num")].map((th) => Number(th.textContent));
    // The page's years and the file's must be the same, column by column:
    // a file of another build would put values under the wrong years.
    if (!Array.isArray(data.years) || data.years.join() !== head.join()) throw new Error("years differ");
    const values = new Map(data.by_year.map((s) => [s.id, s.values]));
    const fmt = numberFormatter(document.documentElement.lang || "de");
    const na = template("na");
    const table = fold.querySelector("table");
    for (const group of document.getElementById(fold.dataset.rows).tBodies) {
      const body = document.createElement("tbody");
      for (const source of group.rows) {
        const th = source.cells[0].cloneNode(true);
        th.removeAttribute("id");
        const row = document.createElement("tr");
        row.className = source.className;
        row.append(th);
        body.append(row);
        if (source.classList.contains("group")) {
          th.colSpan = head.length + 1;
          continue;
        }
        if (source.dataset.unit) {
          // After the indicator's name, before the illustrative marker.
          const unit = document.createElement("span");
          unit.className = "unit";
          if (source.dataset.unitLang) unit.lang = source.dataset.unitLang;
          unit.textContent = "(" + source.dataset.unit + ")";
          const marker = th.querySelector(".illustrative");
          if (marker) marker.before(unit, " ");
          else th.append(" ", unit);
        }
        row.dataset.indicator = source.dataset.indicator;
        row.dataset.decimals = source.dataset.decimals;
        const byYear = values.get(source.dataset.indicator) || [];
        const dec = Number(source.dataset.decimals);
        head.forEach((_, i) => {
          const td = document.createElement("td");
          td.className = "num";
          const v = byYear[i];
          if (v === null || v === undefined) td.append(na.cloneNode(true));
          else td.textContent = fmt(v, dec);
          row.append(td);
        });
      }
      table.append(body);
    }
    fold.querySelector(".table-wrap").hidden = false;
    status.textContent = "";
    fold.dataset.state = "done";
  } catch {
    delete fold.dataset.state;
    status.textContent = template("failed").textContent;
  }
}
