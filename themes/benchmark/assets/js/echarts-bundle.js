// The ECharts half of the charts script, built once per set of chart kinds
// (charts-script.html passes KIND_* as true or false): a page gets only
// the chart types and components its charts use, e.g. the map and its
// coordinate system only on the home page, the heat map only on the
// strategy page. Sets window.benchmarkCharts for the loader (charts.js);
// instance(el) gives the ECharts instance of a drawn chart, for page
// scripts and the browser tests (label rectangles, font sizes).
/* global KIND_BAR, KIND_LINE, KIND_RADAR, KIND_MAP, KIND_HEATMAP, KIND_TIMELINE, KIND_INTERVAL */
import { getInstanceByDom, use } from "echarts/core";
import { BarChart, HeatmapChart, LineChart, RadarChart, ScatterChart } from "echarts/charts";
import {
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
} from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer } from "echarts/renderers";
import { draw } from "./chart-draw.js";

// Every chart: canvas, tooltip, legend, the aria decals (patterns as well
// as colours) and label layout (labels that would overlap move or hide).
const parts = [CanvasRenderer, AriaComponent, LegendComponent, TooltipComponent, LabelLayout];
const cartesian = KIND_BAR || KIND_LINE || KIND_HEATMAP || KIND_TIMELINE || KIND_INTERVAL;
if (cartesian) parts.push(GridComponent);
if (KIND_BAR || KIND_TIMELINE || KIND_INTERVAL) parts.push(BarChart);
if (KIND_LINE) parts.push(LineChart);
if (KIND_HEATMAP) parts.push(HeatmapChart);
if (KIND_RADAR) parts.push(RadarChart, RadarComponent);
if (KIND_MAP || KIND_INTERVAL) parts.push(ScatterChart);
if (KIND_MAP) parts.push(GeoComponent);
use(parts);

window.benchmarkCharts = Object.freeze({ draw, instance: (el) => getInstanceByDom(el) });
