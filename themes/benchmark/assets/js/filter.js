// Filters a list page by the selects of its filter form: the measures
// table by city, topic and status, the offers by partner, topic and kind,
// the reports list by city and topic; every form.filter[data-table] on the
// page. Each row of a table's body, or each item of a list, carries its
// values as data attributes. Without JavaScript the form stays hidden and
// the whole list shows. The choice lives in the URL query (?city=…&topic=…),
// so a link reproduces it; the live region says how many are shown. Each
// change looks at every row once: linear in the length of the list.
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

    function apply() {
      const want = selects.filter((s) => s.value).map((s) => [s.dataset.key, s.value]);
      let shown = 0;
      for (const row of rows) {
        const match = want.every(([key, value]) => row.dataset[key] === value);
        row.hidden = !match;
        if (match) shown++;
      }
      count.textContent = count.dataset.template
        .replace("{shown}", number.format(shown))
        .replace("{total}", number.format(rows.length));
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
})();
