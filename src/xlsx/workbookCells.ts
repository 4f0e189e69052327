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
import { placedName, unitPlace, unitPlaces, type UnitPlace } from "../layout/units";
import type { CellRead } from "./sheetCells";
import type { XlsxWorkbook } from "./xlsxPackage";

/** A unit workbook read back from an .xlsx file, evaluated by the engine from its inputs. */
export interface UnitWorkbookRead {
  readonly sheet: string | null;
  readonly evaluation: Evaluation | null;
  /** The rules the inputs were evaluated under: the file's own, or those the reader was given. */
  readonly rules: RuleSet;
  /** The rules the file's own rules sheet holds. */
  readonly ownRules: RuleSet;
  readonly unitLevel: Level | null;
  readonly civilServantLevel: Level | null;
  readonly finalLevel: Level | null;
  /** Why the final level is refused (above a cap, a disqualified head), at its cell: it must not travel. */
  readonly finalLevelRefused: readonly Problem[];
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

/** Which unit of a workbook to read, and under whose rules. */
export interface ReadOptions {
  /** The unit of a shared workbook (unit 1, the only one of most workbooks, by default). */
  readonly place?: UnitPlace;
  /**
   * The rules to evaluate under instead of the file's own, from the year the file holds
   * (consolidation: the province's rules, DOMAIN.md §4 "Whose rules").
   */
  readonly rules?: (year: number | null) => RuleSet;
}

/** The cells of one unit of a shared workbook: its own table and names (TongDiem_2 …), the shared rules. */
function placedCells(wb: WorkbookCells, place: UnitPlace): WorkbookCells {
  if (place.index === 1) return wb;
  const tables: Readonly<Record<string, string>> = { [TABLES.unit]: place.table, [TABLES.criteria]: place.criteriaTable };
  return {
    table: (name) => wb.table(tables[name] ?? name),
    namedCell: (name) => wb.namedCell(placedName(name, place)),
    cell: wb.cell,
  };
}

/** The units a workbook holds, by their tables (unit 1 first). */
export function unitPlacesOf(book: XlsxWorkbook): UnitPlace[] {
  const places = unitPlaces(book.tables.map((t) => t.name));
  return places.length > 0 ? places : [unitPlace(1)];
}

/** A unit workbook read from a package opened by the narrow reader: its rules, tables and named cells read and evaluated. */
export function readXlsxWorkbook(book: XlsxWorkbook, options: ReadOptions = {}): UnitWorkbookRead {
  return readWorkbookCells(fileCells(book), options);
}

/** The errors at the final level's cell. */
function refusedAt(wb: WorkbookCells, problems: readonly Problem[]): Problem[] {
  const final = wb.namedCell(NAMES.finalLevel);
  return final ? problems.filter((p) => p.severity === "error" && p.sheet === final.sheet && p.cell === final.address) : [];
}

/** The year cell as a whole number, or null. */
function yearOf(wb: WorkbookCells): number | null {
  const value = namedValue(wb, NAMES.year);
  const year = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof year === "number" && Number.isInteger(year) ? year : null;
}

/** The evaluation of a workbook's inputs and the checks the pane makes, from its cells. */
export function readWorkbookCells(workbook: WorkbookCells, options: ReadOptions = {}): UnitWorkbookRead {
  const wb = placedCells(workbook, options.place ?? unitPlace(1));
  const ruleValues = Object.fromEntries(
    (Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(wb, RULE_NAMES[key])]),
  );
  const own = readRules(ruleValues);
  // Under given rules the file's own rules are only compared, so their problems are not the unit's.
  const rules = options.rules ? options.rules(yearOf(wb)) : own.rules;
  const problems = options.rules ? [] : own.problems;
  const ownRules = own.rules;
  const named = { namedValue: (name: string) => namedValue(wb, name) };
  const criteria = wb.table(TABLES.criteria);
  if (criteria) problems.push(...scoreCriteriaTable(readCriteriaTable(grid(wb, criteria.sheet, criteria.ref)), criteria.sheet, rules.commonMaxPoints).problems);
  const table = wb.table(TABLES.unit);
  if (!table) {
    problems.push(problem(SHEETS.unit, null, sheetMsg.noUnitTableInFile));
    return { sheet: null, evaluation: null, rules, ownRules, unitLevel: null, civilServantLevel: null, finalLevel: null, finalLevelRefused: [], overwrittenFormulas: [], problems, table: null, ...named, tableCellValue: () => undefined };
  }
  const tableGrid = grid(wb, table.sheet, table.ref);
  const read = readUnitTable(tableGrid);
  problems.push(...read.problems);
  const overwrittenFormulas = read.overwritten;
  const extra = { table: read, ...named, tableCellValue: (address: string) => cellAt(wb, table.sheet, address).value };
  const lookupNamed = lookup(wb);
  const { problems: levelProblems, ...levels } = readLevels(lookupNamed);
  problems.push(...levelProblems);
  if (read.letters === null) return { sheet: table.sheet, evaluation: null, rules, ownRules, ...levels, finalLevelRefused: refusedAt(wb, problems), overwrittenFormulas, problems, ...extra };
  const evaluated = evaluateUnitTable(read, table.sheet, rules, lookupNamed);
  problems.push(...evaluated.problems, ...summaryRepairs(table.sheet, read, namedFormulas(wb), false).problems);
  return { sheet: table.sheet, evaluation: evaluated.evaluation, rules, ownRules, ...levels, finalLevelRefused: refusedAt(wb, problems), overwrittenFormulas, problems, ...extra };
}
