/**
 * Filling formula columns with Range.copyFrom (ExcelApi 1.9) changes what is sent, never what the
 * workbook holds: the same actions with and without `copyFormulas` give the same workbook, cell by
 * cell (formula, value, number format, lock state, font, fill, borders), names, tables and rules.
 */
import type { FeatureSupport } from "../../src/contract/workbook";
import { ALL_FEATURES } from "../../src/excel/features";
import { withoutFollowers } from "../../src/excel/formulaRuns";
import { formulaRuns } from "../../src/layout/formulaRuns";
import { createTaskRegister } from "../../src/excel/taskRegister";
import { COMPARISON_FIRST_ROW, COMPARISON_SHEETS, unitPlace } from "../../src/layout";
import { TASK_SHEETS } from "../../src/layout/tasks";
import type { WorkbookEmulator } from "../../src/preview/emulator";
import { benchTasks } from "../../bench/tasks";
import { row, setup, SETUP } from "./helpers";

const WITHOUT: FeatureSupport = { ...ALL_FEATURES, copyFormulas: false };
const UNITS = 5;

interface Run {
  readonly emulator: WorkbookEmulator;
  /** Bytes sent and syncs, per action. */
  readonly sent: Record<string, { bytes: number; syncs: number }>;
}

/** Five units with figures, the comparison over them, then a register of 60 tasks: the same steps whatever the features. */
async function build(features: FeatureSupport): Promise<Run> {
  const { emulator, service } = setup(features);
  const sent: Run["sent"] = {};
  const measure = async (action: string, run: () => Promise<{ problems: readonly unknown[] }>) => {
    emulator.resetStats();
    const result = await run();
    expect(result.problems).toEqual([]);
    sent[action] = { bytes: emulator.stats.requestBytes.reduce((a, b) => a + b, 0), syncs: emulator.stats.syncs };
  };
  await measure("setUp", () => service.setUp({ ...SETUP, unitKind: "district" }));
  for (let unit = 2; unit <= UNITS; unit++) {
    await service.setUp({ ...SETUP, unitName: `Đơn vị ${unit}`, unitKind: unit % 2 === 0 ? "commune" : "district", addUnit: true });
  }
  for (let unit = 1; unit <= UNITS; unit++) {
    const sheet = unitPlace(unit).sheet;
    for (let i = 0; i < 6; i++) {
      emulator.typeValue(sheet, `H${row(i)}`, 100);
      emulator.typeValue(sheet, `I${row(i)}`, 80 + unit * 7 + i);
    }
  }
  await measure("comparison", () => service.buildComparison());
  await measure("register", () => emulator.run((context) => createTaskRegister(context, { year: 2025, asOf: "2025-11-15", tasks: benchTasks(60, 3, 2) }, features)));
  return { emulator, sent };
}

test("the comparison of five units and a register of 60 tasks are the same workbook with and without filling, for far fewer bytes", async () => {
  const filled = await build(ALL_FEATURES);
  const plain = await build(WITHOUT);
  const before = plain.emulator.snapshot();
  const after = filled.emulator.snapshot();
  expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  for (const [i, sheet] of after.sheets.entries()) {
    // Formulas first, cell by cell, so a difference names its cell.
    const formulas = (cells: typeof sheet.cells) => Object.fromEntries(cells.map((c) => [c.address, c.formula]));
    expect({ sheet: sheet.name, formulas: formulas(sheet.cells) }).toEqual({ sheet: before.sheets[i].name, formulas: formulas(before.sheets[i].cells) });
    expect(sheet).toEqual(before.sheets[i]);
  }
  expect(after.names).toEqual(before.names);
  // The parity is not vacuous: the tall columns were filled, and rows refer to their own row.
  const comparison = after.sheets.find((s) => s.name === COMPARISON_SHEETS.comparison);
  const rank = (r: number) => comparison?.cells.find((c) => c.address === `G${r}`)?.formula;
  expect(rank(COMPARISON_FIRST_ROW + 3)).toContain(`$D${COMPARISON_FIRST_ROW + 3}`);
  const roadmap = filled.emulator.snapshot().sheets.find((s) => s.name === TASK_SHEETS.roadmap);
  expect(roadmap?.cells.filter((c) => c.formula !== null).length).toBeGreaterThan(300);
  // Five units and 18 indicators: the rank and quota columns; the register: its tall formula columns.
  for (const action of ["setUp", "comparison", "register"]) {
    expect(filled.sent[action].syncs).toBeLessThanOrEqual(plain.sent[action].syncs);
    expect(filled.sent[action].bytes).toBeLessThan(plain.sent[action].bytes);
  }
  // The register's sheets fill down; the leader blocks it adds to the five unit sheets do not (each
  // of their rows picks another task), so the whole write falls by less than the register's 4×.
  expect(filled.sent.register.bytes).toBeLessThan(plain.sent.register.bytes / 2.5);
}, 240_000);

describe("formulaRuns", () => {
  const f = (formula: string) => ({ formula });
  const v = (value: string | number | null) => ({ value });

  test("finds a formula shifted row by row, joins side-by-side columns of the same rows, and stops where a row differs", () => {
    const cells = [
      [v("a"), f("=$A5*2"), f("=B5+C$4"), f("=SUM(1,2)")],
      [v("b"), f("=$A6*2"), f("=B6+C$4"), f("=SUM(1,2)")],
      [v("c"), f("=$A7*2"), f("=B7+C$4"), f("=SUM(1,3)")],
      [v("d"), f("=$A7*2"), f("=B8+C$4"), v(null)],
    ];
    expect(formulaRuns(cells)).toEqual([
      { row: 0, rows: 3, column: 1, columns: 1 },
      { row: 0, rows: 4, column: 2, columns: 1 },
      { row: 0, rows: 2, column: 3, columns: 1 },
    ]);
    const wide = cells.map((line) => [line[1], line[1]]);
    expect(formulaRuns(wide)).toEqual([{ row: 0, rows: 3, column: 0, columns: 2 }]);
    expect(withoutFollowers(cells.map((line) => line.map((c) => ("formula" in c ? c.formula : c.value))), formulaRuns(cells))).toEqual([
      ["a", "=$A5*2", "=B5+C$4", "=SUM(1,2)"],
      ["b", null, null, null],
      ["c", null, null, "=SUM(1,3)"],
      ["d", "=$A7*2", null, null],
    ]);
  });

  test("a single row, constants and per-row names are not runs", () => {
    expect(formulaRuns([[f("=A1")]])).toEqual([]);
    expect(formulaRuns([[v(1)], [v(1)], [v(1)]])).toEqual([]);
    expect(formulaRuns([[f("=TenDonVi")], [f("=TenDonVi_2")]])).toEqual([]);
  });
});
