/**
 * The pictures beside the live comparison (issue 8 §3): the "Biểu đồ" sheet and its native Excel
 * charts (ExcelApi 1.1), queued as write steps of the comparison action, so drawing them adds no
 * round trip whatever the number of units or indicators.
 */
import type { Indicator } from "../domain";
import { chartSheet, CHART_SHEET, type ChartSpec } from "../layout/comparison";
import type { FeatureSupport } from "../contract/workbook";
import { createSheetSteps } from "./applyLayout";
import { payloadBytes, type WriteStep } from "./chunks";

/** Request size of one chart's calls besides its spec, generously. */
const CHART_OVERHEAD_BYTES = 1_000;

function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const chart = ws.charts.add(spec.type, ws.getRange(spec.source), "Columns");
  chart.title.text = spec.title;
  chart.setPosition(spec.from, spec.to);
  if (spec.percent) {
    // Bars from 0 % and a gridline every 100 %: the 100 % line is always drawn.
    const axis = chart.axes.valueAxis;
    axis.minimum = 0;
    axis.majorUnit = 1;
    axis.majorGridlines.visible = true;
  }
  if (spec.legend) chart.legend.position = "Bottom";
  else chart.legend.visible = false;
}

/** Steps that add "Biểu đồ" (after the comparison sheets exist), its data formulas and its charts. */
export function comparisonChartSteps(context: Excel.RequestContext, units: number, indicators: readonly Indicator[], features: FeatureSupport, kinds: readonly string[] = []): WriteStep[] {
  const { sheet, charts } = chartSheet(units, indicators, kinds);
  const ws = () => context.workbook.worksheets.getItem(CHART_SHEET);
  return [
    { bytes: 200, queue: () => void context.workbook.worksheets.add(CHART_SHEET) },
    ...createSheetSteps(ws, sheet, features),
    { bytes: payloadBytes(charts) + CHART_OVERHEAD_BYTES * charts.length, queue: () => charts.forEach((spec) => addChart(ws(), spec)) },
  ];
}
