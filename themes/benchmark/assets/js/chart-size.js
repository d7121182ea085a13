// chartHeight is the height in CSS pixels a chart with a category axis
// down its side gets: a row per category, so the chart grows with the
// number of cities or topics (and of the cities side by side in each); 0 for any other chart (its height comes from
// the stylesheet). The loader (charts.js) reserves it before ECharts
// arrives, so the page does not jump when the chart is drawn.
export function chartHeight(option, kind) {
  const cats = [].concat(option.yAxis || []).find((a) => a && a.type === "category");
  if (!cats || !cats.data) return 0;
  // Bars side by side (a series per city, not stacked) need room each.
  const bars = (option.series || []).filter((s) => s && s.type === "bar" && s.name && !s.stack).length;
  const per = kind === "heatmap" || kind === "timeline" ? 36 : Math.max(44, 14 * bars + 12);
  return Math.max(160, per * cats.data.length + 100);
}
