import type ExcelJS from "exceljs";
import { DEFAULT_TASK_RULES, type TaskRules } from "../domain/tasks";
import { textKey } from "../domain";
import { parseCell } from "../layout/addresses";
import type { Problem } from "../layout/problems";
import { readTaskRegister, type TaskRegisterRead } from "../layout/readTaskRegister";
import type { TableGrid } from "../layout/readUnitTable";
import { readTaskRules } from "../layout/rulesSheet";
import { TASK_RULE_NAMES, TASK_TABLES } from "../layout/taskRegisterSchema";
import { checkZipSize } from "./zipGuard";

/**
 * The task register of an .xlsx file (sheets "Việc đột phá" and "Lộ trình"), read into the
 * engine's Task[] with the task rules of its rules sheet. Values are taken as Office.js returns
 * them (dates as serial numbers), so the shared reader in src/layout sees the same either way.
 * ExcelJS is loaded only when a file is read.
 */
export interface TaskRegisterFile extends TaskRegisterRead {
  readonly rules: TaskRules;
  readonly ruleProblems: readonly Problem[];
}

/** Excel's serial day 0 (1899-12-30). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function plain(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof v !== "object") return v;
  if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? "")).join("");
  if ("hyperlink" in v && "text" in v) return plain(v.text);
  if ("error" in v) return v.error;
  if ("formula" in v || "sharedFormula" in v) return plain((v as { result?: unknown }).result);
  return v;
}

function tableGrid(Excel: typeof ExcelJS, wb: ExcelJS.Workbook, name: string): TableGrid | null {
  for (const ws of wb.worksheets) {
    for (const table of ws.getTables()) {
      const model = (table as unknown as { model: { name: string; tableRef?: string; ref?: string } }).model;
      if (textKey(model.name) !== textKey(name)) continue;
      const [start, end] = (model.tableRef ?? model.ref ?? "").split(":");
      const a = parseCell(start);
      const b = parseCell(end);
      const cells = Array.from({ length: b.row - a.row + 1 }, (_, r) =>
        Array.from({ length: b.column - a.column + 1 }, (_, c) => ws.getCell(a.row + r + 1, a.column + c + 1)),
      );
      const values = cells.map((row) => row.map((cell) => plain(cell.value)));
      // A formula as Office.js gives it ("=…"); a cell sharing another's formula has no text of its own.
      const formulas = cells.map((row, r) => row.map((cell, c) => (cell.type === Excel.ValueType.Formula ? `=${cell.formula ?? ""}` : values[r][c])));
      return { sheet: ws.name, origin: start, values, formulas };
    }
  }
  return null;
}

function namedValue(wb: ExcelJS.Workbook, name: string): unknown {
  const range = wb.definedNames.getRanges(name).ranges[0];
  const match = range ? /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)/.exec(range) : null;
  const ws = match ? wb.getWorksheet(match[1].replace(/''/g, "'")) : undefined;
  return match && ws ? plain(ws.getCell(`${match[2]}${match[3]}`).value) : undefined;
}

export async function readTaskRegisterFile(data: Buffer): Promise<TaskRegisterFile> {
  checkZipSize(data);
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer, { ignoreNodes: ["dataValidations", "conditionalFormatting", "extLst", "pageSetup", "headerFooter", "sheetViews", "cols"] });
  const read = readTaskRegister(tableGrid(Excel, wb, TASK_TABLES.tasks), tableGrid(Excel, wb, TASK_TABLES.roadmap));
  const hasRules = wb.definedNames.getRanges(TASK_RULE_NAMES.dueSoonDays).ranges.length > 0;
  const values = Object.fromEntries((Object.keys(TASK_RULE_NAMES) as (keyof TaskRules)[]).map((key) => [key, namedValue(wb, TASK_RULE_NAMES[key])]));
  // A register made before the task rules existed is judged by the default (DOMAIN.md §8).
  const { rules, problems } = hasRules ? readTaskRules(values) : { rules: DEFAULT_TASK_RULES, problems: [] };
  return { ...read, rules, ruleProblems: problems };
}
