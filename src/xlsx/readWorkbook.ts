import ExcelJS from "exceljs";
import { parseCell } from "../layout/addresses";
import type { Evaluation, Level, RuleSet } from "../domain";
import { textKey } from "../domain";
import { readCriteriaTable, scoreCriteriaTable } from "../layout/readCriteria";
import { readLevels, type NamedLookup } from "../layout/readSummary";
import { problem, type Problem } from "../layout/problems";
import { evaluateUnitTable, readUnitTable, type TableGrid } from "../layout/readUnitTable";
import { readRules } from "../layout/rulesSheet";
import { RULE_NAMES, SHEETS, TABLES, type RuleNameKey } from "../layout/schema";
import { sheetMsg } from "../layout/messages";

/** A unit workbook read back from an .xlsx file, evaluated by the engine from its inputs. */
export interface UnitWorkbookRead {
  readonly sheet: string | null;
  readonly evaluation: Evaluation | null;
  readonly rules: RuleSet;
  readonly unitLevel: Level | null;
  readonly civilServantLevel: Level | null;
  readonly finalLevel: Level | null;
  readonly problems: readonly Problem[];
}

/** A cell's value as Office.js would return it: formula results, "" for empty. */
function cellValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Formula) return (cell as { result?: unknown }).result ?? "";
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "error" in v) return v.error;
  return v;
}

function cellFormula(cell: ExcelJS.Cell): unknown {
  return cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : cellValue(cell);
}

/** The sheet and range of a table, found by name so a renamed sheet is still read. */
function findTable(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; ref: string } | null {
  for (const ws of wb.worksheets) {
    for (const table of ws.getTables()) {
      const model = (table as unknown as { model: { name: string; tableRef?: string; ref?: string } }).model;
      if (textKey(model.name) === textKey(name)) return { ws, ref: model.tableRef ?? model.ref ?? "" };
    }
  }
  return null;
}

function grid(ws: ExcelJS.Worksheet, ref: string): TableGrid {
  const [start, end] = ref.split(":");
  const a = parseCell(start);
  const b = parseCell(end);
  const rows = Array.from({ length: b.row - a.row + 1 }, (_, r) =>
    Array.from({ length: b.column - a.column + 1 }, (_, c) => ws.getCell(a.row + r + 1, a.column + c + 1)),
  );
  return {
    sheet: ws.name,
    origin: start,
    values: rows.map((row) => row.map(cellValue)),
    formulas: rows.map((row) => row.map(cellFormula)),
  };
}

/** The cell a workbook name points at, as [sheet, address]. */
function namedCell(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; address: string } | null {
  const range = wb.definedNames.getRanges(name).ranges[0];
  if (!range) return null;
  const match = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)/.exec(range);
  const ws = match ? wb.getWorksheet(match[1].replace(/''/g, "'")) : undefined;
  return match && ws ? { ws, address: `${match[2]}${match[3]}` } : null;
}

function namedValue(wb: ExcelJS.Workbook, name: string): unknown {
  const found = namedCell(wb, name);
  return found ? cellValue(found.ws.getCell(found.address)) : undefined;
}

function lookup(wb: ExcelJS.Workbook): NamedLookup {
  return (name) => {
    const at = namedCell(wb, name);
    return at ? { sheet: at.ws.name, address: at.address, value: cellValue(at.ws.getCell(at.address)) } : undefined;
  };
}

export async function readUnitWorkbook(data: Buffer | ArrayBuffer): Promise<UnitWorkbookRead> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ruleValues = Object.fromEntries(
    (Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(wb, RULE_NAMES[key])]),
  );
  const { rules, problems } = readRules(ruleValues);
  const criteria = findTable(wb, TABLES.criteria);
  if (criteria) problems.push(...scoreCriteriaTable(readCriteriaTable(grid(criteria.ws, criteria.ref)), criteria.ws.name, rules.commonMaxPoints).problems);
  const table = findTable(wb, TABLES.unit);
  if (!table) {
    problems.push(problem(SHEETS.unit, null, sheetMsg.noUnitTableInFile));
    return { sheet: null, evaluation: null, rules, unitLevel: null, civilServantLevel: null, finalLevel: null, problems };
  }
  const read = readUnitTable(grid(table.ws, table.ref));
  problems.push(...read.problems);
  const named = lookup(wb);
  const { problems: levelProblems, ...levels } = readLevels(named);
  problems.push(...levelProblems);
  if (read.letters === null) return { sheet: table.ws.name, evaluation: null, rules, ...levels, problems };
  const evaluated = evaluateUnitTable(read, table.ws.name, rules, named);
  problems.push(...evaluated.problems);
  return { sheet: table.ws.name, evaluation: evaluated.evaluation, rules, ...levels, problems };
}
