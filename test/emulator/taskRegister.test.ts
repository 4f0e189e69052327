/**
 * The emulator evaluates the task register's own formulas as Excel does: the named proof tasks
 * (test/proof/taskCases.ts, which LibreOffice recalculates in test/proof/tasks.test.ts) are written
 * into an emulated workbook, and each task's counts, levels and provisional mark must equal the engine.
 */
import { DEFAULT_TASK_RULES, evaluateTaskYear, taskTotals, type TaskYearResult } from "../../src/domain/tasks";
import { TASK_LEVEL_NAMES } from "../../src/domain/messages/tasks";
import type { Level } from "../../src/domain";
import { columnLetter, unitWorkbook } from "../../src/layout";
import { TASK_COLUMNS, TASK_SHEETS, type TaskColumnKey } from "../../src/layout/tasks";
import { REGISTER_TOTALS, TASK_HEADER_ROW, withTaskRegister } from "../../src/layout/tasks";
import { PROVISIONAL_TEXT } from "../../src/layout/formulas";
import { TASK_TOTALS_SHEET, totalsSections } from "../../src/layout/tasks";
import { NAMED, SCENARIOS } from "../proof/taskCases";
import { load } from "./layoutLoader";

const LETTER = Object.fromEntries(TASK_COLUMNS.map((c, i) => [c.key, columnLetter(i)])) as Record<TaskColumnKey, string>;
const LEVEL_BY_NAME = new Map((Object.entries(TASK_LEVEL_NAMES) as [Level, string][]).map(([level, name]) => [name, level]));
const level = (v: unknown) => (v === null || v === "" ? null : (LEVEL_BY_NAME.get(String(v)) ?? `?${String(v)}`));
const shown = (r: TaskYearResult) => ({ level: r.level, finalLevel: r.finalLevel, provisional: r.provisional, milestones: r.milestones });

describe("emulated task register formulas equal evaluateTaskYear", () => {
  // The default thresholds: the emulated workbook's rules sheet keeps them.
  const scenarios = SCENARIOS.filter((s) => s.rules === DEFAULT_TASK_RULES);
  test.each(scenarios.map((s, i) => [s.id, i] as const))("%s", async (_id, index) => {
    const s = scenarios[index];
    const emu = await load(withTaskRegister(unitWorkbook({ unitName: "Xã thử", head: "A", year: s.year }), { tasks: NAMED, year: s.year, asOf: s.asOf }));
    const at = (key: TaskColumnKey, row: number) => emu.cell(TASK_SHEETS.tasks, `${LETTER[key]}${row}`).value;
    const sheet = NAMED.map((_, i) => {
      const row = TASK_HEADER_ROW + 1 + i;
      const count = (key: TaskColumnKey) => at(key, row);
      return {
        level: level(at("level", row)),
        finalLevel: level(at("finalLevel", row)),
        provisional: at("provisional", row) === PROVISIONAL_TEXT,
        milestones: { onTime: count("onTime"), late: count("late"), overdue: count("overdue"), dueSoon: count("dueSoon"), open: count("open") },
      };
    });
    const results = NAMED.map((t) => evaluateTaskYear(t, s.year, s.asOf));
    expect(sheet).toEqual(results.map(shown));
    const total = (state: "overdue" | "dueSoon") => results.reduce((n, r) => n + r.milestones[state], 0);
    expect([emu.cell(TASK_SHEETS.tasks, REGISTER_TOTALS.overdue).value, emu.cell(TASK_SHEETS.tasks, REGISTER_TOTALS.dueSoon).value]).toEqual([total("overdue"), total("dueSoon")]);
    const leaders = totalsSections(NAMED)[0];
    const rows = Array.from({ length: leaders.lastRow - leaders.firstRow + 1 }, (_, i) =>
      ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => emu.cell(TASK_TOTALS_SHEET, `${c}${leaders.firstRow + i}`).value),
    );
    const expected = [...taskTotals(NAMED, results, "leader")].map(([name, t]) => [name, t.tasks, t.overdue, t.dueSoon, t.levels.excellent, t.levels.good, t.levels.complete, t.levels.incomplete]);
    expect(rows.slice(0, expected.length)).toEqual(expected);
  });
});
