/**
 * Reading a unit workbook back from its cells, on any platform (no Node API): the CLI's and the
 * pane's narrow readers give the cells, this evaluates them as the pane's checks do.
 */
import { parseCell } from "../layout/addresses";
import type { Evaluation, Level, RuleSet } from "../domain";
import { textKey } from "../domain";
import { readCriteriaTable, scoreCriteriaTable } from "../layout/readCriteria";
import { readLevels, type NamedLookup } from "../layout/readSummary";
import { summaryRepairs } from "../layout/repairs";
import { problem, type Problem } from "../layout/problems";
import { evaluateUnitTable, readUnitTable, type TableGrid, type UnitTableRead } from "../layout/readUnitTable";
import { readRules } from "../layout/rulesSheet";
import { ROWS_BELOW } from "../layout/rowsBelow";
import { NAMES, RULE_NAMES, SHEETS, TABLES, type RuleNameKey } from "../layout/schema";
import { sheetMsg } from "../layout/messages";
import type { CellRead } from "./sheetCells";
import type { XlsxWorkbook } from "./xlsxPackage";

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

/** What reading a unit workbook needs of the file: its tables and names found, its cells as Office.js returns them. */
export interface WorkbookCells {
  /** The sheet and range of a table, found by name (NFC, case-insensitive) so a renamed sheet is still read. */
  table(name: string): { sheet: string; ref: string } | null;
  /** The cell a name points at (the first cell of a range). */
  namedCell(name: string): { sheet: string; address: string } | null;
  /** A cell at a 0-based row and column. */
  cell(sheet: string, row: number, column: number): CellRead;
}

const EMPTY: CellRead = { value: "", formula: "" };

/** Sheet and first cell of a name's reference: 'Chỉ tiêu'!$C$3, Sheet1!$A$1:$B$2. */
const NAME_REFERENCE = /^(?:'((?:[^']|'')*)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)/;

/**
 * A workbook read by the narrow reader. Names are looked up as Excel does, whatever their case:
 * the workbook's own name first (what the pane reads), else one local to a sheet.
 */
export function fileCells(book: XlsxWorkbook): WorkbookCells {
  const names = new Map<string, string>();
  // A workbook name replaces a local one of the same name read before it; a second local one does not.
  for (const d of book.definedNames) {
    const key = d.name.toUpperCase();
    if (d.localSheetId === null || !names.has(key)) names.set(key, d.refersTo);
  }
  const found = new Map<string, { sheet: string; address: string } | null>();
  const namedCell = (name: string) => {
    const match = NAME_REFERENCE.exec(names.get(name.toUpperCase())?.trim() ?? "");
    if (!match) return null;
    const sheet = match[1] === undefined ? match[2] : match[1].replace(/''/g, "'");
    return book.sheetNames.includes(sheet) ? { sheet, address: `${match[3].toUpperCase()}${match[4]}` } : null;
  };
  return {
    table(name) {
      const table = book.tables.find((t) => textKey(t.name) === textKey(name));
      return table ? { sheet: table.sheet, ref: table.ref } : null;
    },
    namedCell(name) {
      if (!found.has(name)) found.set(name, namedCell(name));
      return found.get(name) ?? null;
    },
    cell: (sheet, row, column) => book.cells(sheet)?.cell(row, column) ?? EMPTY,
  };
}

function cellAt(book: WorkbookCells, sheet: string, address: string): CellRead {
  const at = parseCell(address);
  return book.cell(sheet, at.row, at.column);
}

export function grid(book: WorkbookCells, sheet: string, ref: string): TableGrid {
  const [start, end = start] = ref.split(":");
  const a = parseCell(start);
  const b = parseCell(end);
  const cells = (count: number, from: number) =>
    Array.from({ length: count }, (_, r) => Array.from({ length: b.column - a.column + 1 }, (_, c) => book.cell(sheet, from + r, a.column + c)));
  const rows = cells(b.row - a.row + 1, a.row);
  return {
    sheet,
    origin: start,
    values: rows.map((row) => row.map((cell) => cell.value)),
    formulas: rows.map((row) => row.map((cell) => cell.formula)),
    below: cells(ROWS_BELOW, b.row + 1).map((row) => row.map((cell) => cell.value)),
  };
}

export function namedValue(book: WorkbookCells, name: string): unknown {
  const at = book.namedCell(name);
  return at ? cellAt(book, at.sheet, at.address).value : undefined;
}

function lookup(book: WorkbookCells): NamedLookup {
  return (name) => {
    const at = book.namedCell(name);
    return at ? { ...at, value: cellAt(book, at.sheet, at.address).value } : undefined;
  };
}

/** The named cells with their formulas, for the check of the summary formulas. */
function namedFormulas(book: WorkbookCells): Map<string, { sheet: string; address: string; formula: unknown }> {
  return new Map(
    Object.values(NAMES).flatMap((name) => {
      const at = book.namedCell(name);
      return at ? [[name, { ...at, formula: cellAt(book, at.sheet, at.address).formula }] as const] : [];
    }),
  );
}

/** A unit workbook read from a package opened by the narrow reader: its rules, tables and named cells read and evaluated. */
export function readXlsxWorkbook(book: XlsxWorkbook): UnitWorkbookRead {
  return readWorkbookCells(fileCells(book));
}

/** The evaluation of a workbook's inputs and the checks the pane makes, from its cells. */
export function readWorkbookCells(wb: WorkbookCells): UnitWorkbookRead {
  const ruleValues = Object.fromEntries(
    (Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(wb, RULE_NAMES[key])]),
  );
  const { rules, problems } = readRules(ruleValues);
  const named = { namedValue: (name: string) => namedValue(wb, name) };
  const criteria = wb.table(TABLES.criteria);
  if (criteria) problems.push(...scoreCriteriaTable(readCriteriaTable(grid(wb, criteria.sheet, criteria.ref)), criteria.sheet, rules.commonMaxPoints).problems);
  const table = wb.table(TABLES.unit);
  if (!table) {
    problems.push(problem(SHEETS.unit, null, sheetMsg.noUnitTableInFile));
    return { sheet: null, evaluation: null, rules, unitLevel: null, civilServantLevel: null, finalLevel: null, overwrittenFormulas: [], problems, table: null, ...named, tableCellValue: () => undefined };
  }
  const tableGrid = grid(wb, table.sheet, table.ref);
  const read = readUnitTable(tableGrid);
  problems.push(...read.problems);
  const overwrittenFormulas = read.overwritten;
  const extra = { table: read, ...named, tableCellValue: (address: string) => cellAt(wb, table.sheet, address).value };
  const lookupNamed = lookup(wb);
  const { problems: levelProblems, ...levels } = readLevels(lookupNamed);
  problems.push(...levelProblems);
  if (read.letters === null) return { sheet: table.sheet, evaluation: null, rules, ...levels, overwrittenFormulas, problems, ...extra };
  const evaluated = evaluateUnitTable(read, table.sheet, rules, lookupNamed);
  problems.push(...evaluated.problems, ...summaryRepairs(table.sheet, read, namedFormulas(wb), false).problems);
  return { sheet: table.sheet, evaluation: evaluated.evaluation, rules, ...levels, overwrittenFormulas, problems, ...extra };
}
