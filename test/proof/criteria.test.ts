/**
 * Proof of the common-criteria sheet against an independent engine: workbooks with criteria
 * scores filled in are recalculated by LibreOffice, and the sheet's totals, counts, check line
 * and common score must agree with scoreCommonCriteria, both from the case and from the table
 * read back out of the recalculated file. The unit sheet's common-score cell is given
 * commonScoreFormula() here, as the integration will, to prove what the total points and the
 * provisional mark make of a complete, a provisional and an invalid common score.
 * No case types TRUE into a score: LibreOffice counts it as the number 1 where Excel and the
 * engine see a logical value, not a number (and the cells' validation refuses it in Excel).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE, DEFAULT_COMMON_CRITERIA, ruleSet, scoreCommonCriteria, SCORE_COLUMNS, type CommonCriteriaResult } from "../../src/domain";
import {
  commonScoreFormula,
  COMMON_SCORE_INVALID,
  CRITERIA_CHECK_TEXTS,
  CRITERIA_HEADER_ROW,
  CRITERIA_NAMES,
  criteriaSheetPositions,
  formula,
  NAMES,
  readCriteriaTable,
  scoreCriteriaTable,
  SHEETS,
  unitWorkbook,
  type CriterionRow,
  type Scalar,
  type WorkbookLayout,
} from "../../src/layout";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { cellScalar, definedNameValue, makeTempDir, recalculateXlsx, requireSoffice } from "../support/libreoffice";
import { mulberry32 } from "../support/random";

jest.setTimeout(300_000);

const COMMON_MAX = ruleSet("qd366-2025").commonMaxPoints;

interface Case {
  readonly id: string;
  readonly rows: readonly CriterionRow[];
}

/** The default criteria with the competent column (and optionally the others) as given. */
function defaults(id: string, competent: readonly Scalar[], self: readonly Scalar[] = [], superior: readonly Scalar[] = []): Case {
  return { id, rows: DEFAULT_COMMON_CRITERIA.map((c, i) => ({ ...c, self: self[i] ?? null, superior: superior[i] ?? null, competent: competent[i] })) };
}

const NAMED: readonly Case[] = [
  defaults("complete", [9, 8.5, 10], [10, 10, 10], [9, 9, 9.5]),
  defaults("a blank competent cell", [9, null, 10], [10, 10, 10]),
  defaults("whitespace in a competent cell", [9, "   ", 10]),
  defaults("a score above its row's maximum", [9, 11, 10]),
  defaults("a number typed as text", [9, "8", 10]),
  defaults("a word in a score cell", [9, "tốt", 10]),
  defaults("a negative score", [-1, 9, 10]),
  defaults("invalid beside a blank", [null, 12, null]),
  defaults("errors only in the other two columns", [9, 9, 9], [12, "x", -1], [null, "9", 9]),
  defaults("nothing scored yet", [null, null, null]),
  {
    id: "maxima adding up to 28",
    rows: DEFAULT_COMMON_CRITERIA.map((c, i) => ({ ...c, maxPoints: i === 2 ? 8 : c.maxPoints, competent: 5 })),
  },
  {
    id: "a missing and a textual maximum",
    rows: DEFAULT_COMMON_CRITERIA.map((c, i) => ({ ...c, maxPoints: [null, "10", 10][i] as Scalar as number, competent: 5 })),
  },
  {
    id: "five criteria of 6 points with quarters",
    rows: Array.from({ length: 5 }, (_, i) => ({ code: String(i + 1), text: `Tiêu chí ${i + 1}`, maxPoints: 6, competent: 4.5 + i * 0.25 })),
  },
  {
    id: "an empty row between criteria",
    rows: [
      { code: "1", text: "A", maxPoints: 15, competent: 14 },
      { code: "", text: "", maxPoints: null as unknown as number, competent: null },
      { code: "2", text: "B", maxPoints: 15, competent: 13.5 },
    ],
  },
  {
    id: "decimal maxima and tenths",
    rows: [
      { code: "1", text: "A", maxPoints: 10.1, competent: 0.1 },
      { code: "2", text: "B", maxPoints: 9.9, competent: 0.2 },
      { code: "3", text: "C", maxPoints: 10, competent: 0 },
    ],
  },
];

/** Deterministic pseudo-random cases (mulberry32), so a failure can be replayed. */
function randomCases(count: number, seed: number): Case[] {
  const random = mulberry32(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const score = (max: number): Scalar =>
    random() < 0.7
      ? Math.round(random() * max * 2) / 2
      : pick<Scalar>([null, null, "  ", -0.5, max + 1, String(Math.floor(max / 2)), "khá"]);
  return Array.from({ length: count }, (_, n) => {
    const size = 1 + Math.floor(random() * 6);
    const maxima = Array.from({ length: size }, () => 1 + Math.floor(random() * 10));
    // Most tables add up to the common maximum; some are off by a point.
    maxima[0] += COMMON_MAX - maxima.reduce((a, b) => a + b, 0) + (random() < 0.15 ? 1 : 0);
    return {
      id: `random ${n}`,
      rows: maxima.map((max, i) => ({
        code: String(i + 1),
        text: `Tiêu chí ${i + 1}`,
        maxPoints: (random() < 0.05 ? pick<Scalar>([null, String(max)]) : max) as number,
        self: score(max),
        superior: score(max),
        competent: random() < 0.5 ? Math.round(random() * max * 2) / 2 : score(max),
      })),
    };
  });
}

const CASES: readonly Case[] = [...NAMED, ...randomCases(40, 7)];

/** Every indicator met, so that the result points are 70 and the total is 70 + the common score. */
const ALL_MET = new Map(
  DEFAULT_CATALOGUE.indicators.map((i) => [i.code, i.direction === "milestone" ? { target: "Đạt", actual: "Đạt" } : { target: 100, actual: 100 }]),
);

/** The case's workbook, with the unit sheet's common score taken from the criteria sheet. */
function layoutFor(c: Case): WorkbookLayout {
  const layout = unitWorkbook({ unitName: "Đơn vị thử", head: "Người đứng đầu", year: 2025, values: ALL_MET, criteria: c.rows });
  const ref = layout.names.find((n) => n.name === NAMES.commonScore)?.ref.replace(/\$/g, "");
  const sheets = layout.sheets.map((sheet) =>
    sheet.name !== SHEETS.unit
      ? sheet
      : { ...sheet, blocks: sheet.blocks.map((b) => (b.at === ref ? { ...b, cells: [[formula(commonScoreFormula())]] } : b)) },
  );
  return { ...layout, sheets };
}

/** The check line scoreCommonCriteria's result implies (whole numbers print the same everywhere). */
function expectedCheck(r: CommonCriteriaResult): string {
  const [before, between, after] = CRITERIA_CHECK_TEXTS.maxTotal;
  const invalidScores = SCORE_COLUMNS.reduce((n, k) => n + r.scores[k].invalid, 0);
  return [
    r.maxTotalMatches ? "" : `${before}${r.maxPoints.total}${between}${COMMON_MAX}${after}`,
    r.maxPoints.invalid > 0 ? `${r.maxPoints.invalid}${CRITERIA_CHECK_TEXTS.invalidMax}` : "",
    invalidScores > 0 ? `${invalidScores}${CRITERIA_CHECK_TEXTS.invalidScores}` : "",
  ]
    .filter((part) => part !== "")
    .join(" ");
}

const blankAsEmpty = (v: unknown) => (v === null || v === undefined ? "" : v);

describe("the common-criteria sheet equals scoreCommonCriteria (LibreOffice recalculation)", () => {
  const dir = makeTempDir("chitieu-criteria-");
  const outputs: string[] = [];

  beforeAll(async () => {
    requireSoffice();
    const files = await Promise.all(
      CASES.map(async (c, i) => {
        const file = join(dir, `criteria-${i}.xlsx`);
        writeFileSync(file, await writeXlsx(layoutFor(c)));
        return file;
      }),
    );
    outputs.push(...(await recalculateXlsx(files, join(dir, "out"), { timeoutMs: 280_000 })));
  }, 300_000);

  test("the cases reach every state several times", () => {
    const states = CASES.map((c) => scoreCommonCriteria(c.rows, COMMON_MAX).state);
    for (const state of ["complete", "provisional", "invalid"] as const) expect(states.filter((s) => s === state).length).toBeGreaterThanOrEqual(5);
  });

  test.each(CASES.map((c, i) => [c.id, i] as const))("%s", async (_id, index) => {
    const c = CASES[index];
    const expected = scoreCommonCriteria(c.rows, COMMON_MAX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outputs[index]);
    const ws = wb.getWorksheet(SHEETS.criteria);
    if (!ws) throw new Error("no criteria sheet");
    const name = (n: string) => blankAsEmpty(definedNameValue(wb, n));
    const pos = criteriaSheetPositions(c.rows.length);
    const at = (address: string) => blankAsEmpty(cellScalar(ws.getCell(address)));

    expect({
      totals: [CRITERIA_NAMES.maxTotal, CRITERIA_NAMES.selfTotal, CRITERIA_NAMES.superiorTotal, CRITERIA_NAMES.competentTotal].map(name),
      blanks: ["D", "E", "F"].map((column) => at(`${column}${pos.blankRow}`)),
      invalids: ["C", "D", "E", "F"].map((column) => at(`${column}${pos.invalidRow}`)),
      check: name(CRITERIA_NAMES.check),
      score: name(CRITERIA_NAMES.score),
    }).toEqual({
      totals: [expected.maxPoints.total, ...SCORE_COLUMNS.map((k) => expected.scores[k].total)],
      blanks: SCORE_COLUMNS.map((k) => expected.scores[k].blank),
      invalids: [expected.maxPoints.invalid, ...SCORE_COLUMNS.map((k) => expected.scores[k].invalid)],
      check: expectedCheck(expected),
      score: expected.state === "complete" ? expected.score : expected.state === "invalid" ? COMMON_SCORE_INVALID : "",
    });
    expect(expected.errors.length === 0).toBe(name(CRITERIA_NAMES.check) === "");

    // The unit sheet: the total points only from a complete common score; otherwise provisional.
    expect(name(NAMES.commonScore)).toEqual(name(CRITERIA_NAMES.score));
    expect(name(NAMES.resultPoints)).toBe(70);
    expect(name(NAMES.points)).toBe(expected.state === "complete" ? Math.round((70 + (expected.score as number)) * 100) / 100 : "");
    expect(name(NAMES.provisional)).toBe(expected.state === "complete" ? "" : "Tạm tính");

    // The reader, fed the recalculated table, reaches the same result.
    const width = 6;
    const values = Array.from({ length: pos.lastRow - CRITERIA_HEADER_ROW + 1 }, (_, r) =>
      Array.from({ length: width }, (_, col) => cellScalar(ws.getCell(CRITERIA_HEADER_ROW + r, col + 1))),
    );
    const read = scoreCriteriaTable(readCriteriaTable({ sheet: SHEETS.criteria, origin: `A${CRITERIA_HEADER_ROW}`, values, formulas: values }), SHEETS.criteria, COMMON_MAX);
    expect(read.result).toEqual(expected);
  });
});
