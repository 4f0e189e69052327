/**
 * The province's year for bench/run.ts (issue 16 "Contracts and scale"; printed figures, not timed
 * tests): `chitieu assign` of one province workbook with 300 units × 40 indicators (budget 5 s
 * headless), and `chitieu consolidate --quarter 4` of 300 unit files × 40 indicators with four
 * quarterly snapshots each (budget 5 s), start to exit of the compiled CLI, median of RUNS.
 * `npx ts-node --transpile-only bench/year.ts [UNITS] [INDICATORS]` prints it alone. The province
 * workbook and the unit files with snapshots are generated once into cache folders (not measured).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ruleSet, type Catalogue } from "../src/domain";
import { assignmentSheet } from "../src/layout/province";
import { SHEETS } from "../src/layout/schema";
import { FOLLOW_UP_ROWS, FOLLOW_UP_SHEET, periodColumn, QUARTER_ENDS, rulesSheet, rulesSheetNames, unitWorkbook } from "../src/layout/unit";
import type { WorkbookLayout } from "../src/layout/types";
import { value } from "../src/layout/cells";
import { writeXlsx } from "../src/xlsx/writeLayout";
import { buildCli, chitieu, median } from "./cli";

const RUNS = 3;
export const ASSIGN_BUDGET_MS = 5000;
export const MID_YEAR_BUDGET_MS = 5000;
const YEAR = 2025;

function catalogue(count: number): Catalogue {
  const groups = [1, 2, 3, 4].map((g) => ({ code: String(g), name: `Nhóm ${g}` }));
  const indicators = Array.from({ length: count }, (_, i) => {
    const group = String(1 + Math.floor((i * 4) / count));
    return { code: `${group}.${i + 1}`, group, name: `Chỉ tiêu ${i + 1}`, unit: "người", direction: i % 7 === 3 ? ("decrease" as const) : ("increase" as const), key: false, weight: 1 };
  });
  return { groups, indicators };
}

const unitName = (i: number) => `Xã ${String(i + 1).padStart(3, "0")}`;
const cacheKey = (layout: unknown) => createHash("sha256").update(JSON.stringify(layout)).digest("hex").slice(0, 10);

/** The province workbook: one assignment sheet, every unit a target on every indicator, and the rules. */
function provinceLayout(units: number, indicators: number): WorkbookLayout {
  const cat = catalogue(indicators);
  const names = Array.from({ length: units }, (_, i) => unitName(i));
  const targets = new Map(names.map((n, u) => [n, new Map(cat.indicators.map((ind, r) => [ind.code, 100 + ((u + r) % 50)] as const))]));
  const sheet = assignmentSheet({
    index: 1,
    group: "Xã, phường",
    year: YEAR,
    catalogue: cat,
    indicators: cat.indicators.map((ind) => ({ code: ind.code, additive: true, scope: "all" as const, provinceTarget: null })),
    units: names.map((name) => ({ name, head: `Bí thư ${name}`, kind: "commune" as const })),
    targets,
  });
  return { sheets: [sheet, rulesSheet(ruleSet())], names: rulesSheetNames().map((n) => ({ ...n, sheet: SHEETS.rules })) };
}

async function provinceFile(units: number, indicators: number): Promise<string> {
  const layout = provinceLayout(units, indicators);
  const file = join(tmpdir(), `chitieu-bench-province-${units}x${indicators}-${cacheKey(layout)}.xlsx`);
  if (!existsSync(file)) writeFileSync(file, await writeXlsx(layout));
  return file;
}

/** A unit file as assign writes it, with the four quarters' actuals typed in "Theo dõi" (on track, some ahead, some behind). */
function unitWithSnapshots(u: number, indicators: number): WorkbookLayout {
  const cat = catalogue(indicators);
  const values = new Map(cat.indicators.map((ind, r) => [ind.code, { target: 100 + ((u + r) % 50) }]));
  const layout = unitWorkbook({ unitName: unitName(u), unitKind: "commune", head: "", year: YEAR, catalogue: cat, values, withFollowUp: true, withPrintSheet: true });
  const typed = new Map(
    QUARTER_ENDS.map((month, period) => [
      `${periodColumn(period, "actual")}${FOLLOW_UP_ROWS.first}`,
      cat.indicators.map((_, r) => [value(Math.round(((100 + ((u + r) % 50)) * month * (0.9 + ((u * 7 + r) % 30) / 100)) / 12))]),
    ]),
  );
  return {
    ...layout,
    sheets: layout.sheets.map((s) => (s.name !== FOLLOW_UP_SHEET ? s : { ...s, blocks: s.blocks.map((b) => (typed.has(b.at) ? { ...b, cells: typed.get(b.at) as typeof b.cells } : b)) })),
  };
}

async function unitFilesWithSnapshots(units: number, indicators: number): Promise<string> {
  const dir = join(tmpdir(), `chitieu-bench-midyear-${units}x${indicators}-${cacheKey(unitWithSnapshots(0, indicators))}`);
  const count = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".xlsx")).length : 0);
  if (count() < units) {
    mkdirSync(dir, { recursive: true });
    for (let u = 0; u < units; u++) writeFileSync(join(dir, `${unitName(u)}.xlsx`), await writeXlsx(unitWithSnapshots(u, indicators)));
  }
  return dir;
}

export interface YearFigures {
  readonly units: number;
  readonly indicators: number;
  readonly assignMs: number;
  readonly midYearMs: number;
}

export async function benchYear(units = 300, indicators = 40): Promise<YearFigures> {
  buildCli();
  const province = await provinceFile(units, indicators);
  const out = join(tmpdir(), `chitieu-bench-assign-${process.pid}`);
  const assignOnce = () => {
    rmSync(out, { recursive: true, force: true });
    return chitieu(["assign", province, "-o", out]);
  };
  const assignMs = median(Array.from({ length: RUNS }, assignOnce));
  rmSync(out, { recursive: true, force: true });
  const dir = await unitFilesWithSnapshots(units, indicators);
  const output = join(tmpdir(), `chitieu-bench-quy-${process.pid}.xlsx`);
  const consolidate = () => chitieu(["consolidate", dir, "--quarter", "4", "-o", output, "--json"]);
  consolidate(); // warm the file cache
  const midYearMs = median(Array.from({ length: RUNS }, consolidate));
  rmSync(output, { force: true });
  return { units, indicators, assignMs, midYearMs };
}

export function yearReport(f: YearFigures): string[] {
  return [
    `assign ${f.units} units × ${f.indicators} indicators from one province workbook, chitieu start to exit, median of ${RUNS}: ${f.assignMs.toFixed(0)} ms (budget ${ASSIGN_BUDGET_MS} ms)`,
    `consolidate --quarter 4 of ${f.units} unit files × ${f.indicators} indicators with 4 quarterly snapshots, median of ${RUNS}: ${f.midYearMs.toFixed(0)} ms (budget ${MID_YEAR_BUDGET_MS} ms)`,
  ];
}

if (require.main === module) {
  void benchYear(Number(process.argv[2] ?? 300), Number(process.argv[3] ?? 40)).then((f) => console.log(yearReport(f).join("\n")));
}
