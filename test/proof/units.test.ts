/**
 * Proof of the shared workbook (issue 8 §1, §3) against LibreOffice: several units written as
 * sheets of one workbook with their own tables and suffixed names, and the live "So sánh" and
 * "Hạn mức". After recalculation every unit's summary must equal the engine's evaluation of its
 * own inputs (no unit reads another's cells), and the comparison's ranks and quota decisions must
 * equal consolidate() (checkQuota per unit kind) — with a kept unit, lowered units, a tie at the
 * cut, units without a kind or points, an exceptional kind, and both readings of the quota base.
 * The live "Công khai" must list the engine's ranking (kind headings, rank, ties in unit order,
 * points and level as printed) and print like the file variant: A4, every word ≥ 13 pt, no ink
 * overlapping, the header row on every page, no helper column.
 */
import { writeFileSync } from "node:fs";
import { run } from "../../src/cli/main";
import { join } from "node:path";
import { DEFAULT_CATALOGUE, kindName, LEVEL_NAMES, STATUS_NAMES, UNIT_KIND_NAMES, type QuotaBase, type UnitKind } from "../../src/domain";
import {
  COMPARISON_FIRST_ROW,
  COMPARISON_SHEETS,
  DECISION_TEXTS,
  LIVE_COLUMNS,
  LIVE_KINDS,
  LIVE_QUOTA_FIRST_ROW,
  NAMES,
  NOT_SUMMED,
  TOTAL_ROW_LABEL,
  placedName,
  PROVISIONAL_SUFFIX,
  PUBLIC_HEADER_ROW,
  PUBLIC_SHEET,
  sharedWorkbook,
  unitPlace,
  unitSheetPositions,
} from "../../src/layout";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { TOTAL_LEFT_OUT } from "../../src/layout/formulas";
import {
  BOX_TOLERANCE,
  cellScalar,
  definedNamesXml,
  isCellLocked,
  loadWorkbook,
  makeTempDir,
  overlappingWords,
  pdfPages,
  pdfPageTexts,
  pdfWords,
  recalculateXlsx,
  requireSoffice,
  sheetXml,
  wordSize,
} from "../support/libreoffice";
import type ExcelJS from "exceljs";
import { engineConsolidation, expectedPublicRows, unitParams, type UnitCase } from "../support/sharedUnits";

jest.setTimeout(600_000);

const UNITS: readonly UnitCase[] = [
  { name: "Huyện A", kind: "district", exceeded: 6, common: 28 },
  { name: "Huyện B", kind: "district", exceeded: 6, common: 25 },
  { name: "Huyện C", kind: "district", exceeded: 7, common: 25 },
  ...["D", "E", "F", "G", "H"].map((x, i) => ({ name: `Huyện ${x}`, kind: "district" as const, exceeded: 0, common: 20 + i })),
  { name: "Huyện I", kind: "district", exceeded: 6, common: 29, final: "good" },
  // Nine good districts and three proposed excellent: 2 keep it on the final result (1 on the proposals).
  ...["J", "K", "L"].map((x) => ({ name: `Huyện ${x}`, kind: "district" as const, exceeded: 0, common: 21 })),
  ...["1", "2", "3", "4"].map((x) => ({ name: `Xã ${x}`, kind: "commune" as const, exceeded: 1, common: 24 })),
  { name: "Xã 5", kind: "commune", exceeded: 8, common: 26 },
  { name: "Xã 6", kind: "commune", exceeded: 9, common: 26 },
  { name: "Xã 7", kind: "commune", exceeded: 9, common: 22, pending: true },
  { name: "Không loại", kind: null, exceeded: 0, common: null, final: "excellent" },
];

const EXCEPTIONAL = new Set<UnitKind | null>(["commune"]);

const BASES: readonly QuotaBase[] = ["good", "goodOrBetter"];
const dir = makeTempDir("chitieu-units-");
const outputs = new Map<QuotaBase, { file: string; wb: ExcelJS.Workbook }>();

beforeAll(async () => {
  requireSoffice();
  const files = await Promise.all(
    BASES.map(async (base) => {
      const file = join(dir, `shared-${base}.xlsx`);
      const layout = sharedWorkbook(
        UNITS.map((u) => unitParams(u, base)),
        { comparison: true, exceptional: new Set([...EXCEPTIONAL].map(kindName)) },
      );
      writeFileSync(file, await writeXlsx(layout));
      return file;
    }),
  );
  const recalculated = await recalculateXlsx(files, join(dir, "out"), { timeoutMs: 300_000 });
  for (const [i, base] of BASES.entries()) outputs.set(base, { file: recalculated[i], wb: await loadWorkbook(recalculated[i]) });
});

const at = (wb: ExcelJS.Workbook, sheet: string, address: string) => {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const v = cellScalar(ws.getCell(address));
  return v === "" ? null : v;
};
const column = (header: string) => String.fromCharCode(65 + LIVE_COLUMNS.findIndex((c) => c.header === header));

describe.each(BASES)("shared workbook, quota base %s", (base) => {
  const expected = engineConsolidation(UNITS, base, EXCEPTIONAL);
  const out = () => outputs.get(base) as { file: string; wb: ExcelJS.Workbook };

  test("the scenario has what the quota must decide: keep, lower, a tie at the cut, no points", () => {
    const decisions = new Set(expected.units.map((u) => u.decision));
    expect(decisions).toEqual(new Set([null, "keep", "lower", "tie"]));
    expect(expected.units.some((u) => u.points === null && u.countedLevel === "excellent")).toBe(true);
    if (base === "good") expect(expected.quota.find((q) => q.kind === "district")).toMatchObject({ allowed: 2, base: 10, excellent: 3 });
  });

  test("each unit's own names show its own evaluation", () => {
    const names = definedNamesXml(out().file);
    UNITS.forEach((u, i) => {
      const place = unitPlace(i + 1);
      const engineUnit = expected.units.find((x) => x.unit === u.name);
      const ref = names.get(placedName(NAMES.points, place)) ?? "";
      expect(ref.startsWith(`'${place.sheet}'!`)).toBe(true);
      const [sheet, address] = ref.replace(/\$/g, "").split("!");
      expect(at(out().wb, sheet.replace(/'/g, ""), address)).toBe(engineUnit?.points ?? null);
    });
  });

  test("So sánh: per unit its name, kind, points, levels, rank and quota decision as the engine", () => {
    const wb = out().wb;
    UNITS.forEach((u, i) => {
      const row = COMPARISON_FIRST_ROW + i;
      const e = expected.units.find((x) => x.unit === u.name);
      if (!e) throw new Error(u.name);
      const cell = (header: string) => at(wb, COMPARISON_SHEETS.comparison, `${column(header)}${row}`);
      expect({
        unit: cell("Đơn vị"),
        kind: cell("Loại đơn vị"),
        points: cell("Tổng điểm"),
        level: cell("Xếp loại đề xuất"),
        final: cell("Xếp loại cuối cùng"),
        rank: cell("Hạng trong loại"),
        decision: cell("Hạn mức xuất sắc"),
      }).toEqual({
        unit: u.name,
        kind: kindName(u.kind),
        points: e.points,
        level: e.level === null ? null : LEVEL_NAMES[e.level] + (e.provisional ? PROVISIONAL_SUFFIX : ""),
        final: e.finalLevel === null ? null : LEVEL_NAMES[e.finalLevel],
        rank: e.rank,
        decision: e.decision === null ? null : DECISION_TEXTS[e.decision](e),
      });
    });
  });

  test("So sánh: per indicator the achievement and status of each unit's own row", () => {
    const wb = out().wb;
    const firstMeasure = LIVE_COLUMNS.length;
    UNITS.forEach((u, i) => {
      const e = expected.units.find((x) => x.unit === u.name);
      const row = COMPARISON_FIRST_ROW + i;
      const groups = [...new Set(DEFAULT_CATALOGUE.indicators.map((ind) => ind.group))];
      const ordered = groups.flatMap((g) => DEFAULT_CATALOGUE.indicators.filter((ind) => ind.group === g));
      const shown = ordered.map((ind, k) => {
        const col = (c: number) => wb.getWorksheet(COMPARISON_SHEETS.comparison)?.getCell(row, c + 1);
        const v = (c: number) => {
          const x = cellScalar(col(c) as ExcelJS.Cell);
          return x === "" ? null : x;
        };
        return { code: ind.code, achievement: v(firstMeasure + 4 * k + 2), status: v(firstMeasure + 4 * k + 3) };
      });
      const byCode = new Map(e?.indicators.map((r) => [r.code, r]));
      expect(shown).toEqual(ordered.map((ind) => ({ code: ind.code, achievement: byCode.get(ind.code)?.achievement ?? null, status: STATUS_NAMES[byCode.get(ind.code)?.status ?? "error"] })));
    });
  });

  test("So sánh: per kind the province's totals as consolidate() computes them, a pending unit left out", () => {
    const wb = out().wb;
    const ws = wb.getWorksheet(COMPARISON_SHEETS.comparison) as ExcelJS.Worksheet;
    const v = (row: number, c: number) => {
      const x = cellScalar(ws.getCell(row, c + 1));
      return x === "" ? null : x;
    };
    const rows = Array.from({ length: 60 }, (_, r) => r + 1).filter((r) => v(r, 1) === TOTAL_ROW_LABEL);
    const groups = [...new Set(DEFAULT_CATALOGUE.indicators.map((ind) => ind.group))];
    const ordered = groups.flatMap((g) => DEFAULT_CATALOGUE.indicators.filter((ind) => ind.group === g));
    const fromSheet = rows.flatMap((row) =>
      ordered.map((ind, k) => ({ kind: v(row, 2), code: ind.code, cells: [0, 1, 2, 3].map((m) => v(row, LIVE_COLUMNS.length + 4 * k + m)) })),
    );
    const fromEngine = expected.totals.map(({ group, code, total: t }) => {
      const leftOut = t.pending.length > 0 ? `${TOTAL_LEFT_OUT.before}${t.pending.length}${TOTAL_LEFT_OUT.after}` : "";
      const cells = t.kind === "spread" ? [NOT_SUMMED, NOT_SUMMED, NOT_SUMMED, null] : [t.target, t.actual, t.assessment.achievement, STATUS_NAMES[t.assessment.status] + leftOut];
      return { kind: kindName(group), code, cells };
    });
    const byKey = (x: { kind: unknown; code: string }) => `${String(x.kind)}|${x.code}`;
    expect(fromSheet.sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(fromEngine.sort((a, b) => byKey(a).localeCompare(byKey(b))));
    // The commune left without its last actual is left out of that total.
    expect(fromEngine.some((t) => typeof t.cells[3] === "string" && t.cells[3].endsWith(`${TOTAL_LEFT_OUT.before}1${TOTAL_LEFT_OUT.after}`))).toBe(true);
  });

  test("Hạn mức: per kind the base, share, allowed, excellent and tie as checkQuota", () => {
    const wb = out().wb;
    LIVE_KINDS.forEach((label, i) => {
      const row = LIVE_QUOTA_FIRST_ROW + i;
      const kind = (Object.entries(UNIT_KIND_NAMES) as [UnitKind, string][]).find(([, name]) => name === label)?.[0] ?? null;
      const q = expected.quota.find((g) => g.kind === kind);
      const members = expected.units.filter((u) => u.kind === kind).length;
      const cell = (c: string) => at(wb, COMPARISON_SHEETS.quota, `${c}${row}`);
      expect({ count: cell("B"), base: cell("C"), share: cell("D"), allowed: cell("E"), excellent: cell("F"), tie: cell("G") }).toEqual({
        count: members,
        base: q?.base ?? 0,
        share: q?.share ?? (EXCEPTIONAL.has(kind) ? 0.25 : 0.2),
        allowed: q?.allowed ?? 0,
        excellent: q?.excellent ?? 0,
        tie: q?.tieAtCut ? "Có" : "Không",
      });
    });
  });

  test("every unit sheet and both comparison sheets are protected; inputs unlocked, formulas locked", () => {
    const { file } = out();
    const { firstRow, summaryRow } = unitSheetPositions(DEFAULT_CATALOGUE.indicators.length);
    for (const i of [1, 2, UNITS.length]) {
      const sheet = unitPlace(i).sheet;
      expect(sheetXml(file, sheet)).toMatch(/<sheetProtection\b[^>]*\bsheet="(1|true)"/);
      expect(isCellLocked(file, sheet, `I${firstRow}`)).toBe(false); // Thực hiện, typed
      expect(isCellLocked(file, sheet, `K${firstRow}`)).toBe(true); // Đánh giá, computed
      expect(isCellLocked(file, sheet, `D${summaryRow}`)).toBe(true);
    }
    for (const sheet of Object.values(COMPARISON_SHEETS)) expect(sheetXml(file, sheet)).toMatch(/<sheetProtection\b[^>]*\bsheet="(1|true)"/);
    expect(isCellLocked(file, COMPARISON_SHEETS.quota, `H${LIVE_QUOTA_FIRST_ROW}`)).toBe(false);
    expect(isCellLocked(file, COMPARISON_SHEETS.comparison, `H${COMPARISON_FIRST_ROW}`)).toBe(true);
  });
});

describe.each(BASES)("the live public table, quota base %s", (base) => {
  const expected = engineConsolidation(UNITS, base, EXCEPTIONAL);

  test("Công khai: kind headings, then units by rank (ties in unit order), their points and level as the engine ranks them", () => {
    const wb = (outputs.get(base) as { wb: ExcelJS.Workbook }).wb;
    const rows = expectedPublicRows(UNITS, expected);
    // Three kinds, ties of equal points (Xã 1–4), units without points and without a kind.
    expect(rows.length).toBe(UNITS.length + 3);
    let kind = "";
    const ranks = rows.flatMap((r) => (typeof r[0] === "string" ? ((kind = String(r[1])), []) : r[3] === null ? [] : [`${kind} ${r[3]}`]));
    expect(new Set(ranks).size).toBeLessThan(ranks.length);
    const shown = rows.map((_, i) => ["A", "B", "C", "D", "E"].map((c) => at(wb, PUBLIC_SHEET, `${c}${PUBLIC_HEADER_ROW + 1 + i}`)));
    expect(shown).toEqual(rows);
  });
});

test("Công khai prints as the file variant: A4 portrait, words ≥ 13 pt, no overlaps, the header row on every page", async () => {
  const pdf = join(dir, "cong-khai-live.pdf");
  // The workbook as written (ExcelJS cannot rewrite LibreOffice's output); printing recalculates it.
  expect(await run(["print", join(dir, "shared-good.xlsx"), "--sheet", PUBLIC_SHEET, "-o", pdf])).toEqual({ stdout: "", exitCode: 0 });
  const words = pdfWords(pdf);
  const pages = pdfPageTexts(pdf);
  const { count, sizes } = pdfPages(pdf);
  expect(count).toBeGreaterThanOrEqual(2);
  sizes.forEach((s) => expect([Math.round(s.width), Math.round(s.height)]).toEqual([595, 842]));
  expect(words.filter((w) => w.yMax - w.yMin < 16).map((w) => `${w.text} ${(w.yMax - w.yMin).toFixed(2)} pt box`)).toEqual([]);
  expect(words.filter((w) => wordSize(w) < 13 - BOX_TOLERANCE).map((w) => w.text)).toEqual([]);
  expect(overlappingWords(words)).toEqual([]);
  expect(words.filter((w) => w.xMin < 0 || w.xMax > 595.28).map((w) => w.text)).toEqual([]);
  const mid = (w: { yMin: number; yMax: number }) => (w.yMin + w.yMax) / 2;
  for (let page = 1; page <= count; page++) {
    const tt = words.find((w) => w.page === page && w.text === "TT");
    const line = words.filter((w) => tt && w.page === page && Math.abs(mid(w) - mid(tt)) < 3).sort((a, b) => a.xMin - b.xMin).map((w) => w.text);
    expect(line.join(" ")).toMatch(/^TT Đơn vị (Tổng )?(điểm )?Hạng (Tổng )?(điểm )?Xếp loại/);
  }
  const all = pages.join("\n");
  for (const text of ["CÔNG KHAI KẾT QUẢ THỰC HIỆN CHỈ TIÊU", "Huyện A", "Xã 7", "Nơi nhận:"]) expect(all).toContain(text);
  for (const hidden of ["Dòng tiêu đề", "TT trong loại", "Trang đơn vị", "Loại đơn vị"]) expect(all).not.toContain(hidden);
});

