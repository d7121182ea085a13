// The city search: a field that finds a city's page by its name, without
// a server. The index (data/search.json, written by
// generator/sitedata/search.go) is fetched once, on the first focus of or
// input into the field, so that pages do not carry the list of all cities.
// Each city is [name, state, rank] or [name, state, rank, slug]; without a
// slug (or with "") the page's slug is plainSlug(name). A city with an
// English name of its own has it fifth: either name finds it, and the
// English pages list it by the English one ("Munich" finds München). A
// partner that is not a municipality has its kind sixth, shown in place of
// a rank.
// Without JavaScript the field stays hidden; the cities list links every
// city.
//
// Matching (js/fold.js, the compare page's rule): accents and case do not
// count, ß is ss, and the city's slug matches too, so "mün", "MUN" and
// "muen" all find München. Cities whose name (or slug) starts with the
// text come first, then those where a word starts with it, then those that
// merely contain it; alphabetical within each group. At most MAX_SHOWN are
// listed, with a note saying how many more matched.

import { fold } from "./fold.js";

const MAX_SHOWN = 20;
const FORMAT = 2;
const ANNOUNCE_DELAY = 400; // ms: one status message when typing pauses

const letter = /[\p{L}\p{N}]/u;

// plainSlug is sitedata.PlainSlug: the index leaves out the slug of every
// city whose name gives it by this rule (names of ASCII and äöüß only).
function plainSlug(name) {
  return name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// tier of a match of needle in hay: 0 at the start, 1 at the start of a
// word, 2 anywhere, -1 none.
function tier(hay, needle) {
  let i = hay.indexOf(needle);
  if (i < 0) return -1;
  if (i === 0) return 0;
  while (i >= 0) {
    if (!letter.test(hay[i - 1])) return 1;
    i = hay.indexOf(needle, i + 1);
  }
  return 2;
}

// best is the better (lower) of two tiers, -1 meaning none.
function best(a, b) {
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

// search returns the matching entries in display order.
function search(entries, text, collator) {
  const q = fold(text).trim().replace(/\s+/g, " ");
  if (!q) return [];
  const qSlug = q.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  const hits = [];
  for (const e of entries) {
    let t = best(tier(e.key, q), qSlug ? tier(e.slug, qSlug) : -1);
    if (e.keyOther) t = best(t, tier(e.keyOther, q));
    if (t >= 0) hits.push({ e, t });
  }
  hits.sort((a, b) => a.t - b.t || collator.compare(a.e.name, b.e.name) || a.e.order - b.e.order);
  return hits.map((h) => h.e);
}

function setup(root) {
  const input = root.querySelector("input[type=search]");
  const list = root.querySelector("ul");
  const status = root.querySelector("[role=status]");
  const more = root.querySelector("[data-more]");
  if (!input || !list || !status || !more) return;
  const lang = document.documentElement.lang || "de";
  const nf = new Intl.NumberFormat(lang);
  const collator = new Intl.Collator(lang, { numeric: true }); // "Au 9" before "Au 10"
  const T = root.dataset;
  const text = (k, vars) => (T[k] || "").replace(/\{(\w+)\}/g, (_, n) => (vars && n in vars ? vars[n] : ""));
  const base = T.cities || "";
  // The index names states as the workbooks do, in German; pages in another
  // language carry the German Länder's names in theirs (data/states.yaml).
  let stateNames = new Map();
  try {
    stateNames = new Map(Object.entries(JSON.parse(T.states || "{}")));
  } catch {
    // without names the states stay as written
  }
  const stateName = (s) => stateNames.get(s.trim().toLowerCase()) || s;
  let kindNames = {};
  try {
    kindNames = JSON.parse(T.kinds || "{}");
  } catch {
    // without names a kind shows as its key
  }
  let entries = null;
  let loading = null;
  let timer = 0;

  const announce = (msg) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      status.textContent = msg;
    }, ANNOUNCE_DELAY);
  };

  function load() {
    if (!loading) {
      root.dataset.state = "loading";
      loading = fetch(T.src)
        .then((r) => {
          if (!r.ok) throw new Error(r.status + " " + r.url);
          return r.json();
        })
        .then((data) => {
          if (data.format !== FORMAT) throw new Error("search index of another format");
          entries = data.cities.map(([name, state, rank, slug, nameEn, kind], order) => {
            // The name the page's language uses; the other one matches too.
            const shown = lang.startsWith("en") && nameEn ? nameEn : name;
            const other = shown === name ? nameEn : name;
            return {
              slug: slug || plainSlug(name),
              name: shown,
              state: stateName(data.states[state] || ""),
              rank,
              kind: kind ? kindNames[kind] || kind : "",
              order,
              key: fold(shown),
              keyOther: other ? fold(other) : "",
            };
          });
          root.dataset.state = "ready";
          render();
        })
        .catch(() => {
          loading = null; // the next focus tries again
          root.dataset.state = "error";
          status.textContent = text("tError");
        });
    }
    return loading;
  }

  function item(e) {
    const a = document.createElement("a");
    a.href = base + e.slug + "/";
    a.textContent = e.name;
    const li = document.createElement("li");
    li.append(a);
    const meta = [e.state, e.rank ? text("tRank", { rank: nf.format(e.rank) }) : e.kind].filter(Boolean).join(", ");
    if (meta) {
      const span = document.createElement("span");
      span.className = "city-search-meta";
      span.textContent = " " + meta;
      li.append(span);
    }
    return li;
  }

  function render() {
    if (!entries) return;
    const value = input.value;
    if (!fold(value).trim()) {
      list.replaceChildren();
      more.textContent = "";
      more.hidden = true;
      list.hidden = true;
      clearTimeout(timer);
      status.textContent = "";
      return;
    }
    const hits = search(entries, value, collator);
    list.replaceChildren(...hits.slice(0, MAX_SHOWN).map(item));
    list.hidden = hits.length === 0;
    const rest = hits.length - MAX_SHOWN;
    more.hidden = rest <= 0;
    more.textContent = rest > 0 ? text("tMore", { count: nf.format(rest), shown: nf.format(MAX_SHOWN) }) : "";
    const n = { count: nf.format(hits.length) };
    announce(hits.length === 0 ? text("tNone") : hits.length === 1 ? text("tOne", n) : text("tMany", n));
  }

  const links = () => Array.from(list.querySelectorAll("a"));

  input.addEventListener("focus", load);
  input.addEventListener("input", () => {
    if (entries) render();
    else load();
  });
  input.addEventListener("keydown", (ev) => {
    const first = links()[0];
    if (ev.key === "ArrowDown" && first) {
      ev.preventDefault();
      first.focus();
    } else if (ev.key === "Enter" && first) {
      ev.preventDefault();
      first.click();
    }
  });
  list.addEventListener("keydown", (ev) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (ev.key === "ArrowDown" && at < all.length - 1) {
      ev.preventDefault();
      all[at + 1].focus();
    } else if (ev.key === "ArrowUp") {
      ev.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      input.focus();
    }
  });
  root.hidden = false;
}

for (const root of document.querySelectorAll("[data-city-search]")) setup(root);

// The matching rule, for the browser test (read-only).
window.benchmarkCitySearch = Object.freeze({ search, fold, plainSlug });
