import { DEFAULT_TASK_RULES, type TaskRules } from "../domain/tasks";
import type { Problem } from "../layout/problems";
import { readTaskRegister, type TaskRegisterRead } from "../layout/readTaskRegister";
import { readTaskRules } from "../layout/rulesSheet";
import { TASK_RULE_NAMES, TASK_TABLES } from "../layout/taskRegisterSchema";
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
  return table ? grid(book, table.sheet, table.ref) : null;
}

/** The register of a workbook's cells: its two tables and the task rules' named cells. */
export function readTaskRegisterCells(book: WorkbookCells): TaskRegisterFile {
  const read = readTaskRegister(tableGrid(book, TASK_TABLES.tasks), tableGrid(book, TASK_TABLES.roadmap));
  const hasRules = book.namedCell(TASK_RULE_NAMES.dueSoonDays) !== null;
  const values = Object.fromEntries((Object.keys(TASK_RULE_NAMES) as (keyof TaskRules)[]).map((key) => [key, namedValue(book, TASK_RULE_NAMES[key])]));
  // A register made before the task rules existed is judged by the default (DOMAIN.md §8).
  const { rules, problems } = hasRules ? readTaskRules(values) : { rules: DEFAULT_TASK_RULES, problems: [] };
  return { ...read, rules, ruleProblems: problems };
}

/** The zip is checked against bombs (openXlsx), then the register is read. */
export function readTaskRegisterFile(data: Buffer): Promise<TaskRegisterFile> {
  return Promise.resolve().then(() => readTaskRegisterCells(fileCells(openXlsx(data))));
}
