/**
 * Proof of the task register ("Việc đột phá", "Lộ trình") against the engine: registers written
 * by the light .xlsx writer (sheetsXlsx.ts, as `workbook --tasks` writes them) are recalculated
 * by LibreOffice, and each task's milestone counts as of
 * the follow-up date, its level for the year, its final level and its provisional mark must
 * equal evaluateTaskYear, both from the tasks given and from the tasks read back out of the
 * recalculated file. Named tasks reach every milestone state and every level (pending figures,
 * tasks dropped with and without approval, a task over a whole 5-year term); random tasks cover
 * the rest, under the default thresholds and under edited ones.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { evaluateTaskYear, leaderTaskCaps, taskTotals, type TaskYearResult } from "../../src/domain/tasks";
import { TASK_LEVEL_NAMES } from "../../src/domain/messages/tasks";
import { LEVEL_NAMES, type Level } from "../../src/domain";
import { columnLetter } from "../../src/layout";
import { TASK_COLUMNS, TASK_SHEETS, type TaskColumnKey } from "../../src/layout/tasks";
import { REGISTER_TOTALS, TASK_HEADER_ROW } from "../../src/layout/tasks";
import { TASK_TOTALS_SHEET, totalsSections } from "../../src/layout/tasks";
import { PROVISIONAL_TEXT } from "../../src/layout/formulas";
import { readTaskRegisterFile } from "../../src/xlsx/readTaskRegister";
import { writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { cellScalar, makeTempDir, recalculateXlsx, requireSoffice } from "../support/libreoffice";
import { layoutFor, SCENARIOS, TASKS } from "./taskCases";

jest.setTimeout(300_000);

const LETTER = Object.fromEntries(TASK_COLUMNS.map((c, i) => [c.key, columnLetter(i)])) as Record<TaskColumnKey, string>;
const LEVEL_BY_NAME = new Map((Object.entries(TASK_LEVEL_NAMES) as [Level, string][]).map(([level, name]) => [name, level]));

type Shown = Pick<TaskYearResult, "code" | "level" | "finalLevel" | "provisional" | "milestones">;

function sheetResults(ws: ExcelJS.Worksheet): Shown[] {
  const at = (key: TaskColumnKey, row: number) => cellScalar(ws.getCell(`${LETTER[key]}${row}`));
  const level = (v: unknown) => (v === null || v === "" ? null : (LEVEL_BY_NAME.get(String(v)) ?? `?${String(v)}`)) as Level | null;
  return TASKS.map((_, i) => {
    const row = TASK_HEADER_ROW + 1 + i;
    return {
      code: String(at("code", row)),
      level: level(at("level", row)),
      finalLevel: level(at("finalLevel", row)),
      provisional: at("provisional", row) === PROVISIONAL_TEXT,
      milestones: { onTime: at("onTime", row), late: at("late", row), overdue: at("overdue", row), dueSoon: at("dueSoon", row), open: at("open", row) } as Shown["milestones"],
    };
  });
}

const shown = (r: TaskYearResult): Shown => ({ code: r.code, level: r.level, finalLevel: r.finalLevel, provisional: r.provisional, milestones: r.milestones });

describe("the task register's formulas equal evaluateTaskYear (LibreOffice recalculation)", () => {
  const dir = makeTempDir("chitieu-tasks-");
  const outputs: string[] = [];

  beforeAll(async () => {
    requireSoffice();
    const files = await Promise.all(
      SCENARIOS.map(async (s, i) => {
        const file = join(dir, `tasks-${i}.xlsx`);
        writeFileSync(file, writeSheetsXlsx(layoutFor(s)));
        return file;
      }),
    );
    outputs.push(...(await recalculateXlsx(files, join(dir, "out"), { timeoutMs: 280_000 })));
  }, 300_000);

  test("the cases reach every level, every milestone state, provisional and unrated years", () => {
    const results = SCENARIOS.flatMap((s) => TASKS.map((t) => evaluateTaskYear(t, s.year, s.asOf, s.rules)));
    for (const level of ["excellent", "good", "complete", "incomplete", null] as const) {
      expect(results.filter((r) => r.level === level).length).toBeGreaterThanOrEqual(5);
      expect(results.filter((r) => r.finalLevel === level).length).toBeGreaterThanOrEqual(level === null ? 5 : 2);
    }
    for (const state of ["onTime", "late", "overdue", "dueSoon", "open"] as const) expect(results.filter((r) => r.milestones[state] > 0).length).toBeGreaterThanOrEqual(5);
    expect(results.filter((r) => r.provisional).length).toBeGreaterThanOrEqual(10);
    expect(results.filter((r) => r.level !== null && !r.provisional).length).toBeGreaterThanOrEqual(10);
  });

  test.each(SCENARIOS.map((s, i) => [s.id, i] as const))("%s", async (_id, index) => {
    const s = SCENARIOS[index];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outputs[index]);
    const ws = wb.getWorksheet(TASK_SHEETS.tasks);
    if (!ws) throw new Error("no tasks sheet");
    const expected = TASKS.map((t) => shown(evaluateTaskYear(t, s.year, s.asOf, s.rules)));
    expect(sheetResults(ws)).toEqual(expected);
    const total = (state: "overdue" | "dueSoon") => expected.reduce((n, r) => n + r.milestones[state], 0);
    expect([cellScalar(ws.getCell(REGISTER_TOTALS.overdue)), cellScalar(ws.getCell(REGISTER_TOTALS.dueSoon))]).toEqual([total("overdue"), total("dueSoon")]);
    // The totals per leader and per unit: one row per name, the spare rows blank.
    const totalsSheet = wb.getWorksheet(TASK_TOTALS_SHEET);
    if (!totalsSheet) throw new Error("no totals sheet");
    const results = TASKS.map((t) => evaluateTaskYear(t, s.year, s.asOf, s.rules));
    // The leaders' last column is the check line of the optional cap rule (on in the edited scenario).
    const caps = new Map(leaderTaskCaps(TASKS, results, s.rules).map((c) => [c.leader, LEVEL_NAMES[c.cap]]));
    expect(caps.size > 0).toBe(s.rules.failedTaskCap !== null);
    for (const section of totalsSections(TASKS)) {
      const columns = section.by === "leader" ? ["A", "B", "C", "D", "E", "F", "G", "H", "I"] : ["A", "B", "C", "D", "E", "F", "G", "H"];
      const rows = Array.from({ length: section.lastRow - section.firstRow + 1 }, (_, i) =>
        // A formula's "" comes back from LibreOffice as an empty cell.
        columns.map((c) => cellScalar(totalsSheet.getCell(`${c}${section.firstRow + i}`)) ?? ""),
      );
      const expectedRows = [...taskTotals(TASKS, results, section.by)].map(([name, t]) => [
        ...[name, t.tasks, t.overdue, t.dueSoon, t.levels.excellent, t.levels.good, t.levels.complete, t.levels.incomplete],
        ...(section.by === "leader" ? [caps.get(name) ?? ""] : []),
      ]);
      expect(rows.filter((r) => r[0] !== "")).toEqual(expectedRows);
      expect(rows.filter((r) => r[0] === "").flat().every((v) => v === "")).toBe(true);
    }
    // What the reader takes back out of the file judges the same, under the thresholds it reads.
    const read = await readTaskRegisterFile(readFileSync(outputs[index]));
    expect(read.problems).toEqual([]);
    expect(read.rules).toEqual(s.rules);
    expect(read.tasks.map((t) => shown(evaluateTaskYear(t, s.year, s.asOf, read.rules)))).toEqual(expected);
  });
});
