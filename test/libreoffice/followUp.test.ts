/**
 * LibreOffice, the independent engine, computes the follow-up sheet (issue 16 §2) as the engine's
 * progressOf does: what was due by each period's date, the ratio and the status, pro rata or as-is;
 * in a workbook of two units, each unit's own ("Theo dõi", "Theo dõi 2") over its own targets.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { elapsedShare, progressOf, STATUS_NAMES, type Catalogue, type Direction } from "../../src/domain";
import { FOLLOW_UP_CADENCES, FOLLOW_UP_ROWS, periodColumn, PROGRESS_RULE_WORDS, sharedWorkbook, type FollowUpCadence } from "../../src/layout/unit";
import { fromPercentCell } from "../../src/layout/percentRows";
import { unitPlace } from "../../src/layout/units";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { makeTempDir, readXlsxValues, recalculateXlsx, valueAt } from "../support/libreoffice";

jest.setTimeout(180_000);

interface Case {
  readonly direction: Direction;
  readonly unit: string;
  readonly target: number | string | null;
  /** Actuals of the four quarters (null: not typed); a sheet kept by month has each quarter's in its three months. */
  readonly actuals: readonly (number | string | null)[];
  readonly rule?: keyof typeof PROGRESS_RULE_WORDS;
}

const CASES: Case[] = [
  { direction: "increase", unit: "người", target: 2000, actuals: [400, 900, 1500, 2100] },
  { direction: "increase", unit: "tỷ đồng", target: 1234.5, actuals: [308.63, 617.25, null, 1300] },
  { direction: "decrease", unit: "vụ", target: 12, actuals: [2, 7, 9, 12] },
  { direction: "decrease", unit: "vụ", target: 0, actuals: [0, 1, null, 0] },
  { direction: "increase", unit: "%", target: 90, actuals: [85, 90, 91, 95] },
  { direction: "increase", unit: "xã", target: 6, actuals: [1, 3, 5, 6], rule: "asIs" },
  { direction: "milestone", unit: "", target: "Đạt", actuals: ["Không đạt", null, "Đạt", "Đạt"] },
  { direction: "increase", unit: "người", target: null, actuals: [5, null, null, null] },
];

test.each<FollowUpCadence>(["quarter", "month"])("every period's due figure, ratio and status of each unit agree with progressOf, a sheet kept by %s", async (cadence) => {
  const ends = FOLLOW_UP_CADENCES[cadence];
  // A month's actual is its quarter's: the same figure is due a different share each month.
  const actualOf = (c: Case, period: number) => c.actuals[Math.floor((period * 4) / ends.length)];
  const catalogue: Catalogue = {
    groups: [{ code: "1", name: "Nhóm 1" }],
    indicators: CASES.map((c, i) => ({ code: `1.${i + 1}`, group: "1", name: `Chỉ tiêu ${i + 1}`, unit: c.unit, direction: c.direction, key: false, weight: 1 })),
  };
  // The second unit's numeric targets are twice the first's: its sheet must read its own table.
  const unitCases = [CASES, CASES.map((c) => ({ ...c, target: typeof c.target === "number" ? c.target * 2 : c.target }))];
  const values = (cases: readonly Case[]) => new Map(cases.map((c, i) => [`1.${i + 1}`, { target: c.target }]));
  const dir = makeTempDir("chitieu-followup-");
  const written = path.join(dir, "written.xlsx");
  const units = ["Tam Đảo", "Sông Lô"].map((unitName, u) => ({ unitName, head: "A", year: 2025, catalogue, values: values(unitCases[u]), withFollowUp: cadence }));
  fs.writeFileSync(written, await writeXlsx(sharedWorkbook(units)));
  const sheets = [unitPlace(1).followUpSheet, unitPlace(2).followUpSheet];
  // Each unit types its actuals, and one row's rule is changed, as in Excel.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(written) as unknown as ArrayBuffer);
  for (const name of sheets) {
    const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
    CASES.forEach((c, r) => {
      const row = FOLLOW_UP_ROWS.first + r;
      if (c.rule) ws.getCell(`F${row}`).value = PROGRESS_RULE_WORDS[c.rule];
      ends.forEach((_, period) => {
        const a = actualOf(c, period);
        // Excel stores 85 % typed in a "%" row as 0,85.
        if (a !== null) ws.getCell(`${periodColumn(period, "actual")}${row}`).value = c.unit === "%" && typeof a === "number" ? a / 100 : a;
      });
    });
  }
  const input = path.join(dir, "typed.xlsx");
  await wb.xlsx.writeFile(input);
  const [output] = await recalculateXlsx([input], path.join(dir, "out"));
  const sheet = await readXlsxValues(output);
  const blankAsNull = (v: unknown) => (v === "" || v === undefined ? null : v);
  const fromSheet = sheets.flatMap((name) =>
    CASES.flatMap((c, r) =>
      ends.map((__, period) =>
        (["expected", "achievement", "status"] as const).map((key) => {
          const v = blankAsNull(valueAt(sheet, name, `${periodColumn(period, key)}${FOLLOW_UP_ROWS.first + r}`));
          return key === "expected" && c.unit === "%" ? fromPercentCell(v) : v;
        }),
      ),
    ),
  );
  const fromEngine = unitCases.flat().flatMap((c) =>
    ends.map((month, period) => {
      const rule = c.rule ?? (c.direction === "milestone" || c.unit === "%" ? "asIs" : "proRata");
      const p = progressOf(rule, c.direction, c.target, actualOf(c, period), elapsedShare(2025, { year: 2025, month }), "sheet");
      return [p.expected ?? (c.direction === "milestone" ? c.target : null), p.assessment.achievement, STATUS_NAMES[p.assessment.status]];
    }),
  );
  // LibreOffice stores 15 significant digits: 2.000 × 1/12 is 166,666666666667 there.
  const digits = (rows: unknown[][]) => rows.map((row) => row.map((v) => (typeof v === "number" ? Number(v.toPrecision(12)) : v)));
  expect(digits(fromSheet)).toEqual(digits(fromEngine));
  fs.rmSync(dir, { recursive: true, force: true });
});
