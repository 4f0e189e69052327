/**
 * LibreOffice, the independent engine, computes the province's totals on "So sánh" (issue 16 §3) as
 * the engine does (consolidate JSON `totals`): per group, Σ target and Σ actual of the units the
 * engine rated, the achievement of the sums with the same rounding (2.100/2.000 = 105,00 %), the
 * decrease formula, a unit still without its actual or in error left out and counted after the
 * status, 0,1 + 0,2 style noise that never flips a status, and rates and milestones not summed.
 */
import * as fs from "fs";
import * as path from "path";
import { assess, consolidate, STATUS_NAMES, type Direction, type UnitKind, type UnitSummary } from "../../src/domain";
import { COMPARISON_COLUMNS, COMPARISON_SHEETS, consolidationWorkbook, measureColumn, NOT_SUMMED, TOTAL_ROW_LABEL } from "../../src/layout/comparison";
import { columnLetter } from "../../src/layout/addresses";
import { TOTAL_LEFT_OUT } from "../../src/layout/formulas";
import { writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { makeTempDir, readXlsxValues, recalculateXlsx, valueAt, type CellScalar } from "../support/libreoffice";

jest.setTimeout(180_000);

type Figure = number | string | null;
interface Case {
  readonly code: string;
  readonly unit: string;
  readonly direction: Direction;
  /** Per district, then the department: target and actual as typed. */
  readonly figures: readonly (readonly [Figure, Figure])[];
}
const CASES: readonly Case[] = [
  { code: "1.1", unit: "người", direction: "increase", figures: [[1000, 1050], [600, 630], [400, 420], [50, 40]] }, // 2.100/2.000 = 105,00 %
  { code: "1.2", unit: "vụ", direction: "decrease", figures: [[10, 8], [5, 6], [5, 4], [3, 3]] }, // 18 against a ceiling of 20: 2 − 0,9 = 110,00 %
  { code: "1.3", unit: "tổ chức", direction: "increase", figures: [[100, 120], [100, null], [100, 90], [10, 10]] }, // a unit pending: left out
  { code: "1.4", unit: "tỷ đồng", direction: "increase", figures: [[0.1, 0.15], [0.2, 0.15], [0.3, "không rõ"], [0.1, 0.1]] }, // 0,1 + 0,2 against 0,3: met, a unit in error left out
  { code: "1.5", unit: "%", direction: "increase", figures: [[90, 95], [90, 80], [90, 90], [90, 90]] }, // a rate: not summed
  { code: "1.6", unit: "", direction: "milestone", figures: [["Đạt", "Đạt"], ["Đạt", "Không đạt"], ["Đạt", "Đạt"], ["Đạt", "Đạt"]] }, // not summed
  { code: "1.7", unit: "vụ", direction: "decrease", figures: [[0, 0], [0, 0], [0, 0], [0, 0]] }, // "no cases" met by none: 100,00 %
  { code: "1.8", unit: "người", direction: "increase", figures: [[10, null], [10, null], [10, null], [5, null]] }, // nobody reported: no achievement
];
/**
 * Each group under the province's name for it, as the units' files carry it: the totals count the rows
 * of exactly that name, even one that reads as a wildcard matching the other group's ("Huyện*").
 */
const UNITS: readonly { name: string; kind: UnitKind; groupName: string }[] = [
  { name: "Tam Đảo", kind: "district", groupName: "Huyện*" },
  { name: "Sông Lô", kind: "district", groupName: "Huyện*" },
  { name: "Lập Thạch", kind: "district", groupName: "Huyện*" },
  { name: "Sở Tài chính", kind: "department", groupName: "Huyện, sở" },
];

/** A unit as consolidation keeps it, its indicators judged by the engine and its figures as the reader gives them. */
function unitSummary(index: number): UnitSummary {
  const { name, kind, groupName } = UNITS[index];
  return {
    file: `${index + 1}.xlsx`,
    sheet: "Đơn vị",
    modified: "2021-12-20T08:00:00.000Z",
    unit: name,
    kind,
    groupName,
    year: 2021,
    indicators: CASES.map((c) => {
      const [target, actual] = c.figures[index];
      const { status, achievement } = assess(c.direction, target, actual, "sheet");
      const rated = status === "exceeded" || status === "met" || status === "notMet";
      const number = (ok: boolean, v: Figure) => (ok && typeof v === "number" ? v : null);
      const milestone = c.direction === "milestone";
      return {
        code: c.code,
        group: "1",
        name: `Chỉ tiêu ${c.code}`,
        direction: c.direction,
        achievement,
        status,
        unit: c.unit,
        target: milestone ? (rated ? 1 : null) : number(rated || status === "pending", target),
        actual: milestone ? (rated ? (status === "met" ? 1 : 0) : null) : number(rated, actual),
      };
    }),
    points: null,
    level: null,
    provisional: true,
    finalLevel: null,
    quota: { share: 0.2, shareExceptional: 0.25, base: "good" },
  };
}

test("the totals rows LibreOffice computes agree with the engine's totals for every group and indicator", async () => {
  const c = consolidate(UNITS.map((_, i) => unitSummary(i)), []);
  expect(c.groups.map((g) => g.kind)).toEqual(["district", "department"]);
  const dir = makeTempDir("chitieu-totals-lo-");
  const input = path.join(dir, "tong-hop.xlsx");
  fs.writeFileSync(input, writeSheetsXlsx(consolidationWorkbook(c, "2021-12-21T08:00:00.000Z")));
  const [output] = await recalculateXlsx([input], path.join(dir, "out"));
  const values = await readXlsxValues(output);
  const at = (address: string): CellScalar => {
    const v = valueAt(values, COMPARISON_SHEETS.comparison, address);
    return v === "" ? null : v;
  };
  const fixed = COMPARISON_COLUMNS.length;
  // The totals rows are found by their label, one per group, under the units.
  const rows = Array.from({ length: 40 }, (_, r) => r + 1).filter((r) => at(`B${r}`) === TOTAL_ROW_LABEL);
  expect(rows.map((r) => at(`C${r}`))).toEqual(["Huyện*", "Huyện, sở"]);
  const measures = (row: number, i: number) => (["target", "actual", "achievement", "status"] as const).map((key) => at(`${columnLetter(measureColumn(fixed, i, key) - 1)}${row}`));

  const fromSheet = c.groups.flatMap((g, k) => CASES.map((ind, i) => ({ group: g.kind, code: ind.code, cells: measures(rows[k], i) })));
  const fromEngine = c.totals.map(({ group, code, total: t }) => {
    if (t.kind === "spread") return { group, code, cells: [NOT_SUMMED, NOT_SUMMED, NOT_SUMMED, null] };
    const leftOut = t.pending.length > 0 ? `${TOTAL_LEFT_OUT.before}${t.pending.length}${TOTAL_LEFT_OUT.after}` : "";
    return { group, code, cells: [t.target, t.actual, t.assessment.achievement, STATUS_NAMES[t.assessment.status] + leftOut] };
  });
  expect(fromSheet).toEqual(fromEngine);

  // The cases are what they say (districts): 105,00 %, the decrease formula, one pending left out,
  // 0,1 + 0,2 met and one in error left out, a rate and a milestone not summed, a ceiling of 0 kept, nobody reported.
  expect(fromSheet.slice(0, CASES.length).map((t) => t.cells)).toEqual([
    [2000, 2100, 1.05, "Vượt"],
    [20, 18, 1.1, "Vượt"],
    [200, 210, 1.05, "Vượt (chưa tính 1 đơn vị)"],
    [0.3, 0.3, 1, "Đạt (chưa tính 1 đơn vị)"],
    [NOT_SUMMED, NOT_SUMMED, NOT_SUMMED, null],
    [NOT_SUMMED, NOT_SUMMED, NOT_SUMMED, null],
    [0, 0, 1, "Đạt"],
    [0, 0, null, "Chưa có số liệu (chưa tính 3 đơn vị)"],
  ]);
  // The department's group sums its one unit only.
  expect(fromSheet[CASES.length].cells).toEqual([50, 40, 0.8, "Không đạt"]);
  fs.rmSync(dir, { recursive: true, force: true });
});
