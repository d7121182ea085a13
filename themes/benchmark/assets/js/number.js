// numberFormatter formats numbers as the pages do (Hugo's
// lang.FormatNumber in the page's language): grouped, with exactly dec
// decimals, and never "-0". Shared by the compare page (js/compare.js)
// and the city page's table of every year (js/kpi-years.js).
export function numberFormatter(lang) {
  const cache = new Map();
  return (v, dec) => {
    if (!cache.has(dec)) {
      cache.set(dec, new Intl.NumberFormat(lang, { minimumFractionDigits: dec, maximumFractionDigits: dec }));
    }
    return cache.get(dec).format(v === 0 ? 0 : v);
  };
}
