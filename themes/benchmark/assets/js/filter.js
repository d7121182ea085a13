// Filters a list page by the selects of its filter form: the measures
// table by city, topic and status, the offers by partner, topic and kind,
// the reports list by city and topic; every form.filter[data-table] on the
// page. Each row of a table's body, or each item of a list, carries its
// values as data attributes. Without JavaScript the form stays hidden and
// the whole list shows. The choice lives in the URL query (?city=…&topic=…),
// so a link reproduces it; the live region says how many are shown. Each
// change looks at every row once: linear in the length of the list.
//
// A list paginated over several pages (the reports list) names the index
// of all its entries (data-index): the first choice loads it, and the
// matching entries of every page are listed in place of this page's, each
// linked to its partner's page (data-partner-base plus its slug), while
// the pagers step aside. Should the index not load, the page's own rows
// are filtered and the live region says so.
(function () {
  "use strict";
  document.querySelectorAll("form.filter[data-table]").forEach(setUp);

  function setUp(form) {
    const table = document.getElementById(form.dataset.table);
    const count = document.getElementById(form.dataset.count);
    if (!table || !count) return;
    const body = table.tBodies ? table.tBodies[0] : table;
    if (!body) return;

    const rows = Array.from(body.children);
    const selects = Array.from(form.querySelectorAll("select[data-key]"));
    const lang = document.documentElement.lang || "de";
    const number = new Intl.NumberFormat(lang);

    // Takes the choice from the URL; values that are not an option are
    // ignored, so a stale link shows everything rather than nothing.
    function fromURL() {
      const query = new URLSearchParams(window.location.search);
      for (const s of selects) {
        const v = query.get(s.name);
        s.value = v !== null && Array.from(s.options).some((o) => o.value === v) ? v : "";
      }
    }

    function toURL() {
      const query = new URLSearchParams(window.location.search);
      for (const s of selects) {
        if (s.value) query.set(s.name, s.value);
        else query.delete(s.name);
      }
      const q = query.toString();
      const url = window.location.pathname + (q ? "?" + q : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }

    const paged = form.dataset.index ? pagedList(form, table, selects, lang) : null;

    function apply() {
      const want = selects.filter((s) => s.value).map((s) => [s.dataset.key, s.value]);
      if (paged && paged.apply(want, count)) return;
      let shown = 0;
      for (const row of rows) {
        const match = want.every(([key, value]) => row.dataset[key] === value);
        row.hidden = !match;
        if (match) shown++;
      }
      count.textContent = count.dataset.template
        .replace("{shown}", number.format(shown))
        .replace("{total}", number.format(paged ? paged.total(rows.length) : rows.length));
      if (paged && want.length > 0 && paged.failed()) count.textContent += " " + (form.dataset.indexFailed || "");
    }

    form.addEventListener("change", () => {
      apply();
      toURL();
    });
    // A reset clears the selects after this event; apply afterwards.
    form.addEventListener("reset", () => {
      window.setTimeout(() => {
        apply();
        toURL();
      }, 0);
    });
    form.addEventListener("submit", (e) => e.preventDefault());
    window.addEventListener("popstate", () => {
      fromURL();
      apply();
    });

    fromURL();
    apply();
    form.hidden = false;
  }

  // pagedList searches the index of a list paginated over several pages.
  // apply(want, count) shows the entries matching want ([key, value]
  // pairs) and returns true; with nothing chosen, or while the index is
  // not (or cannot be) loaded, it returns false and the page's own rows
  // are filtered. Text goes in as text, never as markup.
  function pagedList(form, list, selects, lang) {
    const number = new Intl.NumberFormat(lang);
    const found = document.createElement("ol");
    found.className = list.className;
    found.hidden = true;
    list.after(found);
    const aside = document.querySelectorAll(form.dataset.hide || ".pager");
    const day = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, { day: lang === "en" ? "numeric" : "2-digit", month: lang === "en" ? "short" : "2-digit", year: "numeric", timeZone: "UTC" });
    const month = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, { month: lang === "en" ? "short" : "long", year: "numeric", timeZone: "UTC" });
    const names = {};
    for (const s of selects) {
      names[s.dataset.key] = { label: s.labels.length ? s.labels[0].textContent : "", of: {} };
      for (const o of s.options) if (o.value) names[s.dataset.key].of[o.value] = o.textContent;
    }
    let entries = null; // the index, once loaded
    let failed = false;
    let last = [];

    fetch(form.dataset.index, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status))))
      .then((x) => {
        if (x.format !== 1 || !Array.isArray(x.reports)) throw new Error("format");
        entries = x.reports;
        form.dispatchEvent(new Event("change"));
      })
      .catch(() => {
        failed = true;
        if (last.length) form.dispatchEvent(new Event("change"));
      });

    function date(iso) {
      const d = new Date(iso.length === 4 ? iso + "-01-01" : iso.length === 7 ? iso + "-01" : iso);
      if (isNaN(d)) return iso;
      return iso.length === 4 ? iso : iso.length === 7 ? month.format(d) : day.format(d);
    }

    function item(e) {
      const [slug, iso, topic, de, en, id] = e;
      const li = document.createElement("li");
      const article = li.appendChild(document.createElement("article"));
      article.className = "report";
      const h = article.appendChild(document.createElement("h2"));
      const a = h.appendChild(document.createElement("a"));
      a.href = form.dataset.partnerBase + slug + "/#report-" + id;
      if (lang === "en" && !en) {
        const span = a.appendChild(document.createElement("span"));
        span.lang = "de";
        span.textContent = de;
      } else {
        a.textContent = lang === "en" ? en : de;
      }
      const note = article.appendChild(document.createElement("p"));
      note.className = "note";
      const time = note.appendChild(document.createElement("time"));
      time.dateTime = iso;
      time.textContent = date(iso);
      const partner = names.city && names.city.of[slug];
      if (partner) note.append(" · " + names.city.label + ": " + partner);
      const topicName = topic && names.topic && names.topic.of[topic];
      if (topicName) note.append(" · " + names.topic.label + ": " + topicName);
      return li;
    }

    return {
      apply(want, count) {
        last = want;
        const on = want.length > 0 && entries !== null;
        list.hidden = on;
        found.hidden = !on;
        aside.forEach((el) => (el.hidden = on));
        if (!on) {
          found.replaceChildren();
          return false;
        }
        const key = { city: 0, topic: 2 };
        const match = entries.filter((e) => want.every(([k, v]) => key[k] === undefined || e[key[k]] === v));
        found.replaceChildren(...match.map(item));
        count.textContent = count.dataset.template
          .replace("{shown}", number.format(match.length))
          .replace("{total}", number.format(entries.length));
        return true;
      },
      // total: how many entries the list has on all its pages.
      total(onPage) {
        return entries ? entries.length : onPage;
      },
      failed() {
        return failed;
      },
    };
  }
})();
