/**
 * The pictures of the live comparison (issue 8 §3) through the Office.js adapter: "Biểu đồ" with a
 * native chart per indicator (achievement by unit, bars from 0 % with a gridline every 100 %) and
 * one of the levels per unit kind, drawn in the comparison's round trips whatever the unit count.
 */
import { DEFAULT_CATALOGUE, LEVEL_NAMES, UNIT_KIND_NAMES } from "../../src/domain";
import { CHART_SHEET, columnLetter, COMPARISON_FIRST_ROW, COMPARISON_SHEETS, LIVE_COLUMNS, LIVE_KINDS, TOTAL_ROW_LABEL, TOTALS_CHART_TITLE, TOTALS_GAP, unitPlace } from "../../src/layout";
import { columnIndex } from "../../src/layout/addresses";
import type { WorkbookEmulator } from "../../src/preview/emulator";
import { row, setup, SETUP } from "./helpers";

function fill(emulator: WorkbookEmulator, sheet: string, base: number): void {
  DEFAULT_CATALOGUE.indicators.forEach((indicator, i) => {
    if (indicator.direction === "milestone") emulator.typeValue(sheet, `I${row(i)}`, "Đạt");
    else {
      emulator.typeValue(sheet, `H${row(i)}`, 100);
      emulator.typeValue(sheet, `I${row(i)}`, indicator.direction === "increase" ? base + i : 95);
    }
  });
}

async function units(count: number) {
  const { emulator, service } = setup();
  await service.setUp({ ...SETUP, unitKind: "district" });
  fill(emulator, "Chỉ tiêu", 100);
  for (let n = 2; n <= count; n++) {
    await service.setUp({ ...SETUP, unitName: `Đơn vị ${n}`, unitKind: n % 2 === 0 ? "commune" : "district", addUnit: true });
    fill(emulator, unitPlace(n).sheet, 90 + n);
  }
  emulator.resetStats();
  await service.buildComparison();
  return { emulator, service, syncs: emulator.stats.syncs };
}

describe("Biểu đồ: native charts beside the live comparison", () => {
  test("a chart of levels per kind, then one per indicator over its achievement by unit, each in its own place", async () => {
    const { emulator } = await units(3);
    const charts = emulator.charts(CHART_SHEET);
    expect(charts).toHaveLength(1 + DEFAULT_CATALOGUE.indicators.length + 1);
    expect(charts[0]).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", title: "Số đơn vị theo xếp loại, từng loại đơn vị", legend: { position: "Bottom" } });
    const first = DEFAULT_CATALOGUE.indicators[0];
    expect(charts[1]).toMatchObject({
      type: "ColumnClustered",
      title: `${first.code}. ${first.name}: tỷ lệ đạt theo đơn vị`,
      valueAxis: { minimum: 0, majorUnit: 1, majorGridlines: true },
      legend: { visible: false },
    });
    // Charts never overlap: each starts below the one before.
    const top = (c: (typeof charts)[number]) => Number(/\d+/.exec(c.position?.start ?? "")?.[0]);
    const bottom = (c: (typeof charts)[number]) => Number(/\d+/.exec(c.position?.end ?? "")?.[0]);
    charts.slice(1).forEach((c, i) => expect(top(c)).toBeGreaterThan(bottom(charts[i])));
  });

  test("the charts' data are the comparison's live figures: unit names, achievements, counts of levels per kind", async () => {
    const { emulator } = await units(3);
    const [, indicatorChart] = emulator.charts(CHART_SHEET);
    const [from, to] = indicatorChart.source.replace(/\$/g, "").split("!")[1].split(":");
    const column = (address: string) => address.replace(/\d+/g, "");
    const firstRow = Number(from.replace(/\D+/g, ""));
    expect(Number(to.replace(/\D+/g, "")) - firstRow).toBe(3);
    for (let r = 0; r < 3; r++) {
      const at = (c: string) => emulator.cell(CHART_SHEET, `${c}${firstRow + 1 + r}`).value;
      expect(at(column(from))).toBe(emulator.cell(COMPARISON_SHEETS.comparison, `B${COMPARISON_FIRST_ROW + r}`).value);
      // The first indicator's achievement: after the fixed columns, its target and actual.
      expect(at(column(to))).toBe(emulator.cell(COMPARISON_SHEETS.comparison, `${columnLetter(LIVE_COLUMNS.length + 2)}${COMPARISON_FIRST_ROW + r}`).value);
    }
    // A figure typed on a unit sheet shows in the chart's data at once.
    emulator.typeValue(unitPlace(2).sheet, "I8", 250);
    expect(emulator.cell(CHART_SHEET, `${column(to)}${firstRow + 2}`).value).toBe(2.5);
    const levels = emulator.charts(CHART_SHEET)[0].source.replace(/\$/g, "").split("!")[1].split(":")[0];
    const levelRow = Number(levels.replace(/\D+/g, ""));
    const header = [...Array(5).keys()].map((i) => emulator.cell(CHART_SHEET, `${String.fromCharCode(levels.charCodeAt(0) + i)}${levelRow}`).value);
    expect(header).toEqual(["Loại đơn vị", LEVEL_NAMES.excellent, LEVEL_NAMES.good, LEVEL_NAMES.complete, LEVEL_NAMES.incomplete]);
    const counts = LIVE_KINDS.map((_, k) =>
      [1, 2, 3, 4].reduce((sum, i) => sum + Number(emulator.cell(CHART_SHEET, `${String.fromCharCode(levels.charCodeAt(0) + i)}${levelRow + 1 + k}`).value), 0),
    );
    expect(counts[LIVE_KINDS.indexOf("huyện, thị xã, thành phố")]).toBe(2);
    expect(counts[LIVE_KINDS.indexOf("xã, phường")]).toBe(1);
  });

  test("the province's totals against its targets: per indicator that adds up, each kind's Σ actual / Σ target from So sánh", async () => {
    const { emulator } = await units(3);
    const totals = emulator.charts(CHART_SHEET).at(-1);
    expect(totals).toMatchObject({ type: "ColumnClustered", title: TOTALS_CHART_TITLE, valueAxis: { minimum: 0, majorUnit: 1, majorGridlines: true }, legend: { position: "Bottom" } });
    const [from, to] = (totals?.source ?? "").replace(/\$/g, "").split("!")[1].split(":");
    const [fromColumn, fromRow] = [from.replace(/\d+/g, ""), Number(from.replace(/\D+/g, ""))];
    const at = (c: number, r: number) => emulator.cell(CHART_SHEET, `${columnLetter(columnIndex(fromColumn) + c)}${fromRow + r}`).value;
    // One column per kind of the units, in the quota sheet's order of kinds.
    const kinds = [UNIT_KIND_NAMES.commune, UNIT_KIND_NAMES.district];
    expect([at(0, 0), at(1, 0), at(2, 0)]).toEqual(["Chỉ tiêu", ...kinds]);
    // Rates and milestones are not summed: only the indicators that add up are rows.
    const summed = DEFAULT_CATALOGUE.indicators.filter((i) => i.direction !== "milestone" && i.unit !== "%");
    expect(Number(to.replace(/\D+/g, "")) - fromRow).toBe(summed.length);
    expect(at(0, 1)).toBe(summed[0].code);
    // Each value is the total's achievement on So sánh: the districts' first indicator (100 and 93 against 100 each).
    const so = (address: string) => emulator.cell(COMPARISON_SHEETS.comparison, address).value;
    const totalRow = COMPARISON_FIRST_ROW + 3 - 1 + TOTALS_GAP + 2 + 1;
    expect([so(`B${totalRow}`), so(`C${totalRow}`)]).toEqual([TOTAL_ROW_LABEL, kinds[1]]);
    expect(at(2, 1)).toBe(so(`${columnLetter(LIVE_COLUMNS.length + 2)}${totalRow}`));
    expect(at(2, 1)).toBe(0.965);
  });

  test("building again replaces the charts; the round trips do not grow with the units", async () => {
    const two = await units(2);
    const five = await units(5);
    expect(five.syncs).toBe(two.syncs);
    await five.service.buildComparison();
    expect(five.emulator.charts(CHART_SHEET)).toHaveLength(1 + DEFAULT_CATALOGUE.indicators.length + 1);
  });
});
