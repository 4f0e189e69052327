import { DEFAULT_TASK_RULES, evaluateTaskYear, leaderYear, type LeaderYear, type TaskRules } from "../domain/tasks";
import type { Problem } from "../layout/problems";
import { readTaskRegister, type TaskRegisterRead } from "../layout/tasks";
import { readTaskRules } from "../layout/unit";
import { NAMES } from "../layout/schema";
import { TASK_NAMES, TASK_RULE_NAMES, TASK_TABLES } from "../layout/tasks";
import { serialDay } from "../domain/dates";
import { parseCell } from "../layout/addresses";
import { taskCapCell } from "../layout/tasks";
import { fileCells, grid, namedValue, type WorkbookCells } from "./workbookCells";
import { openXlsx } from "./xlsxParts";

/**
 * The task register of an .xlsx file (sheets "Việc đột phá" and "Lộ trình"), read into the
 * engine's Task[] with the task rules of its rules sheet, by the narrow reader (no ExcelJS).
 * Values are taken as Office.js returns them (dates as serial numbers), so the shared reader in
 * src/layout sees the same either way.
 */
export interface TaskRegisterFile extends TaskRegisterRead {
  readonly rules: TaskRules;
  readonly ruleProblems: readonly Problem[];
}

function tableGrid(book: WorkbookCells, name: string) {
  const table = book.table(name);
  return table ? grid(book, table.sheet, table.ref, name) : null;
}

/** The register of a workbook's cells: its two tables and the task rules' named cells. */
export function readTaskRegisterCells(book: WorkbookCells): TaskRegisterFile {
  const read = readTaskRegister(tableGrid(book, TASK_TABLES.tasks), tableGrid(book, TASK_TABLES.roadmap));
  const hasRules = book.namedCell(TASK_RULE_NAMES.dueSoonDays) !== null;
  const values = Object.fromEntries((Object.keys(TASK_RULE_NAMES) as (keyof TaskRules)[]).map((key) => [key, namedValue(book, TASK_RULE_NAMES[key])]));
  // A register made before the task rules existed is judged by the default (docs/rules.md §4).
  const { rules, problems } = hasRules ? readTaskRules(values) : { rules: DEFAULT_TASK_RULES, problems: [] };
  return { ...read, rules, ruleProblems: problems };
}

/** The zip is checked against bombs (openXlsx), then the register is read. */
export function readTaskRegisterFile(data: Buffer): Promise<TaskRegisterFile> {
  return Promise.resolve().then(() => readTaskRegisterCells(fileCells(openXlsx(data))));
}

/** What the register of a unit workbook says of the unit's leader for the year it evaluates (the block on the unit sheet). */
export interface UnitLeaderTasks extends LeaderYear {
  readonly leader: string;
  readonly year: number;
  /** The follow-up date NgayTheoDoi, or null when blank (then judged as before the year's end, as the sheet does). */
  readonly asOf: string | null;
  /** Whether the unit sheet's suggested level is bounded by its block's cap (sheets that have the block). */
  readonly onUnitSheet: boolean;
}

/** Null when the workbook has no register, or no year to evaluate in NamDotPha. */
export function unitLeaderTasks(book: WorkbookCells, headName: string = NAMES.head): UnitLeaderTasks | null {
  if (!book.table(TASK_TABLES.tasks)) return null;
  const year = namedValue(book, TASK_NAMES.year);
  if (typeof year !== "number" || !Number.isInteger(year)) return null;
  const date = namedValue(book, TASK_NAMES.asOf);
  const asOf = typeof date === "number" ? serialDay(date) : null;
  const register = readTaskRegisterCells(book);
  const results = register.tasks.map((task) => evaluateTaskYear(task, year, asOf ?? `${year}-12-31`, register.rules));
  const leader = String(namedValue(book, headName) ?? "").trim();
  const count = book.namedCell(NAMES.count);
  const suggested = book.namedCell(NAMES.suggestedLevel);
  const formula = suggested ? String(book.cell(suggested.sheet, parseCell(suggested.address).row, parseCell(suggested.address).column).formula ?? "") : "";
  const onUnitSheet = count !== null && formula.includes(taskCapCell(count.address));
  return { leader, year, asOf, onUnitSheet, ...leaderYear(register.tasks, results, leader, year, register.rules) };
}
