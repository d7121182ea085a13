// The compare page: any cities side by side, and the index and ranks
// recomputed under the reader's dimension weights. The data comes from
// data/compare/ (generator/sitedata/explorer.go, docs/compare.md): an index
// with every city's unrounded dimension scores, and one file per chosen
// city, fetched when it is chosen. The choice and the weights live in the
// URL (?c=augsburg,muenchen&w=VER:2,DAT:1), so a link reproduces the view
// and back/forward step through earlier views.
//
// Exactness: with the published weights the page must show the generator's
// numbers bit for bit. The arithmetic below is a line-by-line port of
// generator/score (aggregate.go, round.go, rank.go): the same operations in
// the same order on the same float64 values give the same results, since
// +, −, × and ÷ are correctly rounded IEEE operations in Go and JavaScript
// alike. Only log and exp (geometric mean) differ between the two
// languages; there the generator's own index comes with the data.

import { fold } from "./fold.js";
import { numberFormatter } from "./number.js";

// ---- The generator's arithmetic (pure) ----

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const FAST_LIMIT = 2 ** 31;
const TIE_MARGIN = 1e-6;

// goRound is Go's math.Round: half away from zero. (Math.round rounds
// half up: Math.round(-2.5) is -2.) y − trunc(y) is exact.
function goRound(y) {
  const t = Math.trunc(y);
  return Math.abs(y - t) >= 0.5 ? t + Math.sign(y) : t;
}

// round is score.Round: half away from zero on x's shortest decimal
// representation, so 0.15 → 0.2 and 2.675 → 2.68. A float fast path where
// it provably agrees, as in Go; otherwise the decimal rule.
function round(x, digits) {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (digits >= 0 && digits < POW10.length) {
    const y = x * POW10[digits];
    if (Math.abs(y) < FAST_LIMIT) {
      const a = Math.abs(y);
      if (Math.abs(a - Math.trunc(a) - 0.5) >= TIE_MARGIN) {
        const r = goRound(y) / POW10[digits];
        return r === 0 ? 0 : r; // never -0
      }
    }
  }
  return roundDecimal(x, digits);
}

// shortest splits a positive finite number's shortest representation
// (Number.prototype.toString, like Go's FormatFloat(x, 'e', -1, 64)) into
// its significant digits and the power of ten of the first one.
function shortest(a) {
  const [m, ex] = a.toString().split("e");
  const dot = m.indexOf(".");
  const int = dot < 0 ? m : m.slice(0, dot);
  const digits = int + (dot < 0 ? "" : m.slice(dot + 1));
  let lead = 0;
  while (digits[lead] === "0") lead++;
  return {
    sig: digits.slice(lead).replace(/0+$/, ""),
    e: int.length - 1 - lead + (ex ? parseInt(ex, 10) : 0),
  };
}

function roundDecimal(x, digits) {
  const { sig, e } = shortest(Math.abs(x));
  const keep = e + 1 + digits;
  if (keep >= sig.length) return x;
  if (keep < 0) return 0;
  let kept = sig.slice(0, keep);
  if (sig.charCodeAt(keep) >= 53 /* '5' */) kept = increment(kept);
  if (kept.length === 0) return 0;
  // Exactly kept × 10^-digits; the parser picks the nearest float, as
  // strconv.ParseFloat does.
  const r = Number(kept + "e" + -digits);
  return x < 0 ? -r : r;
}

function increment(d) {
  const b = d.split("");
  for (let i = b.length - 1; i >= 0; i--) {
    if (b[i] < "9") {
      b[i] = String.fromCharCode(b[i].charCodeAt(0) + 1);
      return b.join("");
    }
    b[i] = "0";
  }
  return "1" + b.join("");
}

// aggregate is score.aggregate for the index: the weighted mean of the
// present parts (null: missing), weights renormalised over them, in the
// order given; below the minimum coverage no index.
function aggregate(method, parts, weights) {
  let total = 0;
  let present = 0;
  for (let i = 0; i < parts.length; i++) {
    total += weights[i];
    if (parts[i] !== null) present += weights[i];
  }
  if (total <= 0 || present <= 0) return { ok: false, coverage: 0 };
  const coverage = present / total;
  if (coverage + method.coverage_tolerance < method.index_min_coverage) return { ok: false, coverage };
  return { ok: true, v: mean(method.index_aggregation, parts, weights, present), coverage };
}

// mean is score.mean, including the zero rule of the geometric and
// harmonic means.
function mean(kind, parts, weights, present) {
  let sum = 0;
  for (let i = 0; i < parts.length; i++) {
    const w = weights[i];
    const p = parts[i];
    if (p === null || w === 0) continue;
    if (kind === "geometric") {
      if (p <= 0) return 0;
      sum += w * Math.log(p);
    } else if (kind === "harmonic") {
      if (p <= 0) return 0;
      sum += w / p;
    } else {
      sum += w * p;
    }
  }
  if (kind === "geometric") return Math.exp(sum / present);
  if (kind === "harmonic") return present / sum;
  return sum / present;
}

// key is what ranks and levels are decided on (score.plan.key).
function key(method, v) {
  return method.rank_unrounded ? v : round(v, method.decimals);
}

// ranks is score.rank: competition ranking (1, 2, 2, 4) of the keys,
// highest first; 0 for null.
function ranks(keys) {
  const sorted = Float64Array.from(keys.filter((k) => k !== null)).sort();
  const n = sorted.length;
  return keys.map((k) => (k === null ? 0 : n - firstAbove(sorted, k) + 1));
}

function firstAbove(xs, k) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] > k) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// level is score.level: the position (sheet order) of the highest level
// whose minimum the key reaches; -1 for none.
function level(levels, k) {
  let lvl = -1;
  levels.forEach((l, i) => {
    if (l.min <= k && (lvl < 0 || l.min > levels[lvl].min)) lvl = i;
  });
  return lvl;
}

// scoreAll computes every city's index, rank and level under weights.
// Under the geometric mean with the published weights it takes the
// generator's index (see the top of this file).
function scoreAll(index, weights) {
  const m = index.method;
  const anchored = m.index_aggregation === "geometric" && isPublished(index, weights);
  const out = index.cities.map((c) => {
    const a = aggregate(m, c.d, weights);
    if (anchored && a.ok && typeof c.i === "number") a.v = c.i;
    return a;
  });
  const r = ranks(out.map((a) => (a.ok ? key(m, a.v) : null)));
  let rankOf = 0;
  out.forEach((a, i) => {
    a.rank = r[i];
    if (a.ok) {
      rankOf++;
      a.published = round(a.v, m.decimals);
      a.level = level(index.levels, key(m, a.v));
    }
  });
  return { cities: out, rankOf };
}

function isPublished(index, weights) {
  return index.dimensions.every((d, i) => d.weight === weights[i]);
}

// ---- The URL ----

// The query is read and written by hand, so that commas and colons stay
// readable separators; the parts are URI-encoded, so an ID holding one
// cannot break them.
function readQuery(search, index) {
  const raw = {};
  for (const part of search.replace(/^\?/, "").split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) raw[part.slice(0, eq)] = part.slice(eq + 1);
  }
  const known = new Set(index.cities.map((c) => c.slug));
  const chosen = [];
  for (const s of (raw.c || "").split(",")) {
    const slug = safeDecode(s);
    if (known.has(slug) && !chosen.includes(slug)) chosen.push(slug);
  }
  // Every dimension keeps its published weight unless the link sets it
  // to a number of 0 or more; a part that names no dimension or no such
  // number is ignored and listed, so the page can say what it did not take.
  const weights = index.dimensions.map((d) => d.weight);
  const ignored = [];
  if (raw.w !== undefined) {
    const at = new Map(index.dimensions.map((d, i) => [d.id, i]));
    for (const pair of raw.w.split(",")) {
      if (pair === "") continue;
      const colon = pair.lastIndexOf(":");
      const id = colon < 0 ? null : safeDecode(pair.slice(0, colon));
      const text = colon < 0 ? "" : safeDecode(pair.slice(colon + 1)).trim();
      const v = text === "" ? NaN : Number(text);
      if (id !== null && at.has(id) && Number.isFinite(v) && v >= 0) weights[at.get(id)] = v;
      else ignored.push(safeDecode(pair) || pair);
    }
  }
  return { chosen, weights, ignored, hasChoice: raw.c !== undefined };
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return "";
  }
}

function writeQuery(state, index) {
  const parts = ["c=" + state.chosen.map(encodeURIComponent).join(",")];
  if (!isPublished(index, state.weights)) {
    parts.push("w=" + index.dimensions.map((d, i) => encodeURIComponent(d.id) + ":" + state.weights[i]).join(","));
  }
  return "?" + parts.join("&");
}

// ---- The page ----

const MAX_MATCHES = 50;
const DEFAULT_CHOICE = 3;

function start() {
  const root = document.getElementById("compare");
  const textEl = document.getElementById("compare-texts");
  if (!root || !textEl) return;
  const T = JSON.parse(textEl.textContent);
  const lang = document.documentElement.lang || "de";
  const src = root.dataset.src;
  const cityBase = root.dataset.cities || "";
  const $ = (id) => document.getElementById(id);
  const fmt = numberFormatter(lang);
  const text = (k, vars) => (T[k] || k).replace(/\{(\w+)\}/g, (_, n) => (vars && n in vars ? vars[n] : ""));
  const collator = new Intl.Collator(lang);

  let index = null;
  let state = { chosen: [], weights: [] };
  let editing = false; // a weight field is being edited: one history entry per edit
  const files = new Map(); // slug → Promise of the city file
  let announceTimer = 0;

  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };
  const na = () => el("span", { class: "na" }, el("span", { "aria-hidden": "true", text: "–" }), el("span", { class: "vh", text: T.not_available }));
  const name = (t) => (t && (t[lang] || t.de)) || "";
  // nameEl is name as a node: where the text falls back to German on a page
  // in another language, it is marked lang="de" (text-el.html's rule).
  const nameEl = (t) => (lang !== "de" && t && !t[lang] && t.de ? el("span", { lang: "de", text: t.de }) : name(t));
  const cityLink = (c) => (cityBase ? el("a", { href: cityBase + c.slug + "/", text: c.name }) : c.name);

  function load(slug) {
    if (!files.has(slug)) {
      files.set(
        slug,
        fetch(src + "cities/" + encodeURIComponent(slug) + ".json").then((r) => {
          if (!r.ok) throw new Error(r.status + " " + r.url);
          return r.json();
        }),
      );
    }
    return files.get(slug);
  }

  // ---- Choosing ----
  const search = $("compare-search");
  const matches = $("compare-matches");
  const chosenList = $("compare-chosen");
  const bySlug = new Map();
  let folded = [];

  function renderMatches() {
    const q = fold(search.value.trim());
    const all = folded.filter((c) => !q || c.key.includes(q) || c.slug.includes(q));
    matches.replaceChildren(
      ...all.slice(0, MAX_MATCHES).map((c) => {
        const id = "compare-c-" + c.slug;
        const box = el("input", { type: "checkbox", id, value: c.slug });
        box.checked = state.chosen.includes(c.slug);
        return el("li", {}, box, " ", el("label", { for: id, text: c.name }));
      }),
    );
    const note = $("compare-matches-note");
    const n = { shown: fmt(Math.min(all.length, MAX_MATCHES), 0), total: fmt(all.length, 0) };
    note.textContent = all.length === 0 ? text("compare_matches_none") : all.length > MAX_MATCHES ? text("compare_matches_more", n) : text("compare_matches_all", n);
  }

  function renderChosen() {
    chosenList.replaceChildren(
      ...state.chosen.map((slug) => {
        const c = bySlug.get(slug);
        const b = el("button", { type: "button", class: "compare-button compare-remove", "data-slug": slug }, el("span", { "aria-hidden": "true", text: "✕" }), el("span", { class: "vh", text: text("compare_remove", { name: c.name }) }));
        return el("li", {}, el("span", { text: c.name }), " ", b);
      }),
    );
    $("compare-chosen-empty").hidden = state.chosen.length > 0;
    $("compare-clear").hidden = state.chosen.length === 0;
  }

  // ---- Weights ----
  const inputs = Array.from(root.querySelectorAll("input[data-dimension]"));
  const sliders = inputs.map((input) => root.querySelector(`input[data-slider="${CSS.escape(input.dataset.dimension)}"]`));

  function renderWeights() {
    const total = state.weights.reduce((s, w) => s + w, 0);
    inputs.forEach((input, i) => {
      if (document.activeElement !== input && Number(input.value) !== state.weights[i]) input.value = String(state.weights[i]);
      const slider = sliders[i];
      if (slider && document.activeElement !== slider && Number(slider.value) !== state.weights[i]) slider.value = String(state.weights[i]);
      input.removeAttribute("aria-invalid");
      const share = input.closest(".compare-weight").querySelector("[data-share]");
      if (share) share.textContent = total > 0 ? text("compare_share", { share: fmt((state.weights[i] / total) * 100, 1) }) : "";
    });
    const published = isPublished(index, state.weights);
    const stateEl = $("compare-weights-state");
    stateEl.textContent = total <= 0 ? text("compare_weights_zero") : published ? text("compare_weights_published") : text("compare_weights_custom");
    stateEl.className = "compare-weights-state" + (published ? "" : " is-custom");
    $("compare-reset").disabled = published;
  }

  // ---- Results ----
  function th(t, attrs) {
    return el("th", Object.assign({ scope: "col" }, attrs), t);
  }

  function indexCell(a) {
    if (!a || !a.ok) return el("td", { class: "num" }, na());
    return el("td", { class: "num", "data-index": String(a.published), "data-index-exact": String(a.v), text: fmt(a.published, index.method.decimals) });
  }

  function rankCell(r) {
    return r ? el("td", { class: "num", "data-rank": String(r), text: fmt(r, 0) }) : el("td", { class: "num" }, na());
  }

  function levelText(l) {
    return l >= 0 ? name(index.levels[l].name) : null;
  }

  function renderRanking(scored, published) {
    const custom = !isPublished(index, state.weights);
    const table = $("compare-ranking");
    const head = [th(custom ? T.compare_rank_custom : T.rank, { class: "num" }), th(T.city), th(custom ? T.compare_index_custom : T.index, { class: "num" }), th(T.level)];
    if (custom) head.push(th(T.compare_rank_published, { class: "num" }), th(T.compare_index_published, { class: "num" }));
    table.tHead.replaceChildren(el("tr", {}, ...head));
    const rows = state.chosen
      .map((slug) => ({ slug, i: index.cities.findIndex((c) => c.slug === slug) }))
      .sort((a, b) => (scored.cities[a.i].rank || Infinity) - (scored.cities[b.i].rank || Infinity) || collator.compare(index.cities[a.i].name, index.cities[b.i].name));
    table.tBodies[0].replaceChildren(
      ...rows.map(({ slug, i }) => {
        const a = scored.cities[i];
        const tr = el("tr", { "data-slug": slug }, rankCell(a.rank), el("th", { scope: "row" }, cityLink(index.cities[i])), indexCell(a), el("td", {}, a.ok && a.level >= 0 ? levelText(a.level) : na()));
        if (custom) {
          const p = published.cities[i];
          tr.append(el("td", { class: "num", text: p.rank ? fmt(p.rank, 0) : "–" }), el("td", { class: "num", text: p.ok ? fmt(p.published, index.method.decimals) : "–" }));
        }
        return tr;
      }),
    );
  }

  function renderTop(scored) {
    const custom = !isPublished(index, state.weights);
    const n = Math.min(10, scored.rankOf);
    $("compare-top-caption").textContent = text(custom ? "compare_top_caption_custom" : "compare_top_caption", { n: fmt(n, 0), total: fmt(scored.rankOf, 0) });
    const table = $("compare-top");
    table.tHead.replaceChildren(el("tr", {}, th(T.rank, { class: "num" }), th(T.city), th(T.index, { class: "num" })));
    const order = scored.cities
      .map((a, i) => ({ a, i }))
      .filter((x) => x.a.ok)
      .sort((x, y) => x.a.rank - y.a.rank || collator.compare(index.cities[x.i].name, index.cities[y.i].name))
      .slice(0, n);
    table.tBodies[0].replaceChildren(
      ...order.map(({ a, i }) => {
        const c = index.cities[i];
        const chosen = state.chosen.includes(c.slug);
        return el("tr", { class: chosen ? "is-chosen" : null, "data-slug": c.slug }, rankCell(a.rank), el("th", { scope: "row" }, cityLink(c), chosen ? el("span", { class: "compare-marker", text: " " + T.compare_chosen_marker }) : null), indexCell(a));
      }),
    );
  }

  // The chosen cities' ranking in one line that stays in view while the
  // weights do (css: .compare-live is sticky on a phone).
  function renderLive(scored) {
    const dec = index.method.decimals;
    const rows = state.chosen
      .map((slug) => index.cities.findIndex((c) => c.slug === slug))
      .sort((a, b) => (scored.cities[a].rank || Infinity) - (scored.cities[b].rank || Infinity) || collator.compare(index.cities[a].name, index.cities[b].name));
    $("compare-live").replaceChildren(
      ...rows.flatMap((i, k) => {
        const a = scored.cities[i];
        const item = el("span", { class: "compare-live-item" }, el("strong", { text: a.ok && a.rank ? fmt(a.rank, 0) + "." : "–" }), " " + index.cities[i].name + " ", a.ok ? fmt(a.published, dec) : na());
        return k ? [" · ", item] : [item];
      }),
    );
    $("compare-live").hidden = rows.length === 0;
  }

  // The chart: index (under the current weights) and dimension scores of
  // the chosen cities, a bar per city, drawn by the charts script
  // (js/charts.js loads ECharts when the chart comes into view).
  const CHART_MAX = 6;
  function renderChart(scored) {
    const script = document.querySelector('script[type="application/json"][data-chart="chart-compare"]');
    const dataScript = document.querySelector('script[type="application/json"][data-chart-data="chart-compare"]');
    if (!script || !dataScript) return;
    const dec = index.method.decimals;
    const custom = !isPublished(index, state.weights);
    const shown = state.chosen.slice(0, CHART_MAX).map((slug) => index.cities.findIndex((c) => c.slug === slug));
    const cats = [custom ? T.compare_index_custom : T.index].concat(index.dimensions.map((d) => name(d.name)));
    const values = (i) => {
      const a = scored.cities[i];
      return [a.ok ? a.published : null].concat(index.cities[i].d.map((v) => (v === null ? null : round(v, dec))));
    };
    const option = {
      grid: [{ left: 8, right: 16, top: 8, bottom: 56, containLabel: true }],
      legend: { show: true, bottom: 0, type: "scroll" },
      tooltip: { show: true, trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: [{ type: "value", min: 0, max: index.method.scale_max || 100 }],
      yAxis: [{ type: "category", inverse: true, data: cats, axisLabel: { width: 150, overflow: "break" } }],
      series: shown.map((i) => ({ type: "bar", name: index.cities[i].name, barMaxWidth: 16, data: values(i).map((v) => (v === null ? "-" : v)) })),
      aria: { enabled: true, decal: { show: true } },
    };
    script.textContent = JSON.stringify(option);
    // decimals: the tooltips show the scores as the table beside does.
    dataScript.textContent = JSON.stringify({
      kind: "bar",
      decimals: dec,
      columns: [T.compare_chart_row].concat(shown.map((i) => index.cities[i].name)),
      rows: cats.map((c, r) => [c].concat(shown.map((i) => values(i)[r]))),
    });
    const names = shown.map((i) => index.cities[i].name).join(", ");
    const summary = shown.length === 0 ? T.compare_status_none : text(custom ? "compare_chart_summary_custom" : "compare_chart_summary", { names }) + (state.chosen.length > CHART_MAX ? " " + text("compare_chart_more", { n: fmt(CHART_MAX, 0) }) : "");
    const canvas = $("chart-compare");
    canvas.setAttribute("aria-label", summary);
    canvas.hidden = shown.length === 0;
    $("compare-chart-summary").firstChild.textContent = summary + " ";
    script.dispatchEvent(new CustomEvent("benchmark:chart-update", { bubbles: true }));
  }

  function scoreText(v, dec) {
    return v === null || v === undefined ? na() : fmt(v, dec);
  }

  function renderSide(cities) {
    const table = $("compare-side");
    const dec = index.method.decimals;
    table.tHead.replaceChildren(el("tr", {}, el("td", {}), ...cities.map((c) => th(cityLink(c)))));
    const rows = [];
    const group = (label) => rows.push(el("tr", { class: "group" }, el("th", { scope: "colgroup", colspan: String(cities.length + 1) }, el("span", { class: "group-label" }, label))));
    const row = (label, cell) => rows.push(el("tr", {}, el("th", { scope: "row" }, label), ...cities.map((c) => el("td", { class: "num" }, cell(c)))));

    group(T.compare_group_overview);
    row(T.index, (c) => scoreText(c.index, dec));
    row(T.rank, (c) => (c.rank ? text("compare_ranked_of", { rank: fmt(c.rank, 0), of: fmt(c.rank_of, 0) }) : na()));
    row(T.level, (c) => (c.level !== null && c.level >= 0 ? levelText(c.level) : na()));

    group(T.compare_group_dimensions);
    index.dimensions.forEach((d, di) => {
      row(nameEl(d.name), (c) => {
        const s = c.dimensions[di];
        if (!s || s.score === null) return na();
        return fmt(s.score, dec) + (s.rank ? " (" + text("compare_ranked_of", { rank: fmt(s.rank, 0), of: fmt(c.rank_of, 0) }) + ")" : "");
      });
    });

    index.dimensions.forEach((d) => {
      group(nameEl(d.name));
      index.indicators.forEach((ind, ii) => {
        if (ind.dimension !== d.id) return;
        const label = el("span", {}, nameEl(ind.name), name(ind.unit) ? el("span", { class: "unit" }, " (", nameEl(ind.unit), ")") : null);
        row(label, (c) => {
          const v = c.indicators[ii];
          if (!v || v.value === null) return na();
          const parts = [fmt(v.value, ind.decimals)];
          if (v.illustrative) parts.push(" ◆");
          if (v.carried_from) parts.push(" " + text("compare_carried", { year: v.carried_from }));
          const out = el("span", {}, parts.join(""));
          out.append(el("span", { class: "compare-score", text: v.score === null ? "" : text("compare_indicator_score", { score: fmt(v.score, dec) }) + (v.clamped ? " " + T.compare_clamped : "") }));
          return out;
        });
      });
    });

    group(T.compare_group_strategy);
    index.dimensions.forEach((d, di) => {
      row(text("compare_topics_covered", { dimension: name(d.name) }), (c) => {
        const cov = c.topic_coverage[di];
        return cov ? fmt(cov.covered, 0) + " / " + fmt(cov.topics, 0) + " (" + fmt(cov.share_pct, 1) + "\u00a0%)" : na();
      });
    });
    index.topics.forEach((t, ti) => {
      row(nameEl(t.name), (c) => {
        const s = c.topics[ti];
        if (!s || !s.status) return el("span", { class: "na", text: T.no_measure });
        return T["status_" + s.status] + " (" + fmt(s.measures, 0) + ")";
      });
    });
    table.tBodies[0].replaceChildren(...rows);
  }

  function announce(scored) {
    clearTimeout(announceTimer);
    // Wait until typing or ticking pauses: one message, not one per key.
    announceTimer = setTimeout(() => {
      let msg;
      if (state.chosen.length === 0) msg = T.compare_status_none;
      else {
        msg = text(isPublished(index, state.weights) ? "compare_status" : "compare_status_custom", { count: fmt(state.chosen.length, 0) });
        const first = state.chosen.map((s) => index.cities.findIndex((c) => c.slug === s)).filter((i) => scored.cities[i].ok).sort((a, b) => scored.cities[a].rank - scored.cities[b].rank)[0];
        if (first !== undefined) msg += " " + text("compare_status_first", { name: index.cities[first].name });
      }
      $("compare-status").textContent = msg;
    }, 700);
  }

  let renderSeq = 0;
  function render() {
    const seq = ++renderSeq;
    root.dataset.ready = "loading";
    renderMatches();
    renderChosen();
    renderWeights();
    const scored = scoreAll(index, state.weights);
    const published = scoreAll(index, index.dimensions.map((d) => d.weight));
    renderRanking(scored, published);
    renderLive(scored);
    renderChart(scored);
    renderTop(scored);
    announce(scored);
    Promise.all(state.chosen.map(load))
      .then((cities) => {
        if (seq !== renderSeq) return; // a newer view was asked for meanwhile
        renderSide(cities);
        root.dataset.ready = "true";
      })
      .catch(() => {
        $("compare-status").textContent = T.compare_load_error;
        root.dataset.ready = "error";
      });
  }

  function commit(push) {
    const url = window.location.pathname + writeQuery(state, index) + window.location.hash;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
    render();
  }

  function fromURL() {
    const q = readQuery(window.location.search, index);
    state = { chosen: q.chosen, weights: q.weights };
    // Say what of the address was not taken (its default stays).
    const notice = $("compare-url-notice");
    notice.textContent = q.ignored.length ? text("compare_w_ignored", { parts: q.ignored.map((p) => (lang === "de" ? "„" + p + "“" : "“" + p + "”")).join(", ") }) : "";
    notice.hidden = q.ignored.length === 0;
    if (!q.hasChoice) {
      // A first visit shows the best-ranked cities rather than nothing.
      const s = scoreAll(index, state.weights);
      state.chosen = index.cities
        .map((c, i) => ({ c, a: s.cities[i] }))
        .filter((x) => x.a.ok)
        .sort((x, y) => x.a.rank - y.a.rank || collator.compare(x.c.name, y.c.name))
        .slice(0, DEFAULT_CHOICE)
        .map((x) => x.c.slug);
    }
    // The URL in its full form: every dimension named, unknown cities gone.
    window.history.replaceState(null, "", window.location.pathname + writeQuery(state, index) + window.location.hash);
  }

  function wire() {
    search.addEventListener("input", renderMatches);
    matches.addEventListener("change", (ev) => {
      const box = ev.target;
      if (box.type !== "checkbox") return;
      state.chosen = box.checked ? state.chosen.concat(box.value) : state.chosen.filter((s) => s !== box.value);
      commit(true);
    });
    chosenList.addEventListener("click", (ev) => {
      const b = ev.target.closest("button[data-slug]");
      if (!b) return;
      const at = state.chosen.indexOf(b.dataset.slug);
      state.chosen = state.chosen.filter((s) => s !== b.dataset.slug);
      commit(true);
      // Keep the keyboard where it was: the next remove button, or the search.
      const next = chosenList.querySelectorAll("button[data-slug]")[Math.min(at, state.chosen.length - 1)];
      (next || search).focus();
    });
    $("compare-clear").addEventListener("click", () => {
      state.chosen = [];
      commit(true);
      search.focus();
    });
    const setWeight = (i, v) => {
      state.weights = state.weights.slice();
      state.weights[i] = v;
      commit(!editing);
      editing = true;
    };
    inputs.forEach((input, i) => {
      input.addEventListener("input", () => {
        const v = input.value.trim() === "" ? NaN : Number(input.value);
        if (!Number.isFinite(v) || v < 0) {
          input.setAttribute("aria-invalid", "true");
          $("compare-weights-state").textContent = text("compare_weight_invalid");
          return;
        }
        setWeight(i, v);
      });
      input.addEventListener("change", () => {
        editing = false;
        renderWeights();
      });
      // The slider moves in its steps; the number beside it shows the value.
      const slider = sliders[i];
      if (!slider) return;
      slider.addEventListener("input", () => {
        const v = Number(slider.value);
        input.value = String(v);
        setWeight(i, v);
      });
      slider.addEventListener("change", () => {
        editing = false;
        renderWeights();
      });
    });
    $("compare-reset").addEventListener("click", () => {
      state.weights = index.dimensions.map((d) => d.weight);
      editing = false;
      commit(true);
    });
    window.addEventListener("popstate", () => {
      editing = false;
      fromURL();
      render();
    });
  }

  fetch(src + "index.json")
    .then((r) => {
      if (!r.ok) throw new Error(r.status + " " + r.url);
      return r.json();
    })
    .then((data) => {
      if (data.format !== 1 || data.dimensions.length !== inputs.length) throw new Error("compare data of another format");
      index = data;
      for (const c of index.cities) bySlug.set(c.slug, c);
      folded = index.cities.map((c) => ({ slug: c.slug, name: c.name, key: fold(c.name) })).sort((a, b) => collator.compare(a.name, b.name));
      fromURL();
      wire();
      $("compare-nojs").hidden = true;
      root.hidden = false;
      render();
    })
    .catch(() => {
      // The no-JavaScript notice stays: it links to the same numbers.
      const note = $("compare-nojs");
      note.prepend(el("p", { role: "alert", text: T.compare_load_error }));
      root.dataset.ready = "error";
    });
}

// The arithmetic, for the browser test's exactness checks (read-only).
window.benchmarkCompare = Object.freeze({ round, aggregate, ranks, key, level, scoreAll, readQuery, writeQuery });

start();
