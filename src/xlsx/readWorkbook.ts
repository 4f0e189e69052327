import ExcelJS from "exceljs";
import { parseCell } from "../layout/addresses";
import type { Evaluation, Level, RuleSet } from "../domain";
import { textKey } from "../domain";
import { readCriteriaTable, scoreCriteriaTable } from "../layout/readCriteria";
import { readLevels, type NamedLookup } from "../layout/readSummary";
import { planRepairs } from "../layout/repairs";
import { problem, type Problem } from "../layout/problems";
import { evaluateUnitTable, readUnitTable, type TableGrid, type UnitTableRead } from "../layout/readUnitTable";
import { readRules } from "../layout/rulesSheet";
import { ROWS_BELOW } from "../layout/rowsBelow";
import { NAMES, RULE_NAMES, SHEETS, TABLES, type RuleNameKey } from "../layout/schema";
import { sheetMsg } from "../layout/messages";
import { checkZipSize } from "./zipGuard";

/** A unit workbook read back from an .xlsx file, evaluated by the engine from its inputs. */
export interface UnitWorkbookRead {
  readonly sheet: string | null;
  readonly evaluation: Evaluation | null;
  readonly rules: RuleSet;
  readonly unitLevel: Level | null;
  readonly civilServantLevel: Level | null;
  readonly finalLevel: Level | null;
  /** Computed table cells where a person typed over the formula (as the pane reports them). */
  readonly overwrittenFormulas: readonly string[];
  readonly problems: readonly Problem[];
  /** The table as read (rows with their inputs, column letters), for consolidation. */
  readonly table: UnitTableRead | null;
  /** A named cell's value (unit name, kind, year …); undefined when the name is missing. */
  readonly namedValue: (name: string) => unknown;
  /** A cell's value on the unit table's sheet, e.g. what was typed over a formula. */
  readonly tableCellValue: (address: string) => unknown;
}

/** Excel's serial day 0 (1899-12-30): Office.js returns dates as serial numbers. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A value as Office.js would return it: ExcelJS wraps hyperlinks ({ text, hyperlink }, whose
 * text may itself be rich text), rich text, errors and dates in objects; Office.js gives the
 * text, the error code or the serial number.
 */
function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof v !== "object") return v;
  if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? "")).join("");
  if ("hyperlink" in v && "text" in v) return plainValue(v.text);
  if ("error" in v) return v.error;
  return v;
}

/** A cell's value as Office.js would return it: formula results, "" for empty. */
function cellValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Formula) return plainValue((cell as { result?: unknown }).result);
  return plainValue(cell.value);
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
  const cells = (count: number, from: number) =>
    Array.from({ length: count }, (_, r) =>
      Array.from({ length: b.column - a.column + 1 }, (_, c) => ws.getCell(from + r + 1, a.column + c + 1)),
    );
  const rows = cells(b.row - a.row + 1, a.row);
  return {
    sheet: ws.name,
    origin: start,
    values: rows.map((row) => row.map(cellValue)),
    formulas: rows.map((row) => row.map(cellFormula)),
    below: cells(ROWS_BELOW, b.row + 1).map((row) => row.map(cellValue)),
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

/** The named cells with their formulas, for the check of the summary formulas. */
function namedFormulas(wb: ExcelJS.Workbook): Map<string, { sheet: string; address: string; formula: unknown }> {
  return new Map(
    Object.values(NAMES).flatMap((name) => {
      const at = namedCell(wb, name);
      return at ? [[name, { sheet: at.ws.name, address: at.address, formula: cellFormula(at.ws.getCell(at.address)) }] as const] : [];
    }),
  );
}

/**
 * Worksheet parts the reader never uses (it reads values, formulas, tables and names): skipping
 * them makes loading about 40 % faster, which counts when consolidating hundreds of files.
 */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "extLst", "hyperlinks", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "printOptions", "sheetPr", "sheetViews", "cols", "autoFilter", "picture", "drawing"];

export async function readUnitWorkbook(data: Buffer | ArrayBuffer): Promise<UnitWorkbookRead> {
  checkZipSize(Buffer.isBuffer(data) ? data : Buffer.from(data));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  const ruleValues = Object.fromEntries(
    (Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(wb, RULE_NAMES[key])]),
  );
  const { rules, problems } = readRules(ruleValues);
  const named = { namedValue: (name: string) => namedValue(wb, name) };
  const criteria = findTable(wb, TABLES.criteria);
  if (criteria) problems.push(...scoreCriteriaTable(readCriteriaTable(grid(criteria.ws, criteria.ref)), criteria.ws.name, rules.commonMaxPoints).problems);
  const table = findTable(wb, TABLES.unit);
  if (!table) {
    problems.push(problem(SHEETS.unit, null, sheetMsg.noUnitTableInFile));
    return { sheet: null, evaluation: null, rules, unitLevel: null, civilServantLevel: null, finalLevel: null, overwrittenFormulas: [], problems, table: null, ...named, tableCellValue: () => undefined };
  }
  const tableGrid = grid(table.ws, table.ref);
  const read = readUnitTable(tableGrid);
  problems.push(...read.problems);
  const overwrittenFormulas = read.overwritten;
  const extra = { table: read, ...named, tableCellValue: (address: string) => cellValue(table.ws.getCell(address)) };
  const lookupNamed = lookup(wb);
  const { problems: levelProblems, ...levels } = readLevels(lookupNamed);
  problems.push(...levelProblems);
  if (read.letters === null) return { sheet: table.ws.name, evaluation: null, rules, ...levels, overwrittenFormulas, problems, ...extra };
  const evaluated = evaluateUnitTable(read, table.ws.name, rules, lookupNamed);
  problems.push(...evaluated.problems, ...planRepairs(tableGrid, read, namedFormulas(wb), false).problems);
  return { sheet: table.ws.name, evaluation: evaluated.evaluation, rules, ...levels, overwrittenFormulas, problems, ...extra };
}
