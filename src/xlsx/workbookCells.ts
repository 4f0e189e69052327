/**
 * Reading a unit workbook back from its cells, on any platform (no Node API): the CLI's and the
 * pane's narrow readers give the cells, this evaluates them as the pane's checks do.
 */
import { cellAddress, columnIndex, MAX_COLUMNS, MAX_ROWS, parseCell } from "../layout/addresses";
import { fileMsg } from "../domain/messages/fileCells";
import type { AsOfRequest, Evaluation, Level, RuleSet } from "../domain";
import { inputsAtSnapshot, resolveAsOf, snapshotAt, textKey } from "../domain";
import { readFollowUp } from "../layout/read";
import { readCriteriaTable, scoreCriteriaTable } from "../layout/read";
import { readLevels, type NamedLookup } from "../layout/read";
import { summaryRepairs } from "../layout/read";
import { problem, type Problem } from "../layout/problems";
import { evaluateUnitTable, readUnitTable, type TableGrid, type UnitTableRead } from "../layout/read";
import { readRules } from "../layout/unit";
import { ROWS_BELOW } from "../layout/rowsBelow";
import { NAMES, RULE_NAMES, SHEETS, TABLES, type RuleNameKey } from "../layout/schema";
import { sheetMsg } from "../domain/messages/sheet";
import { placedName, unitPlace, unitPlaces, type UnitPlace } from "../layout/units";
import type { CellRead } from "./sheetCells";
import { MalformedXml } from "./xmlText";
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
  /**
   * Read at a date (ReadOptions.asOf): the follow-up snapshot the evaluation stands at, null when
   * the unit has none then, with what the follow-up sheet could not be read for.
   */
  readonly snapshot?: { readonly asked: string; readonly asOf: string | null; readonly problems: readonly Problem[]; readonly sheet: string };
}

/** What reading a unit workbook needs of the file: its tables and names found, its cells as Office.js returns them. */
export interface WorkbookCells {
  /** The sheet and range of a table, found by name (NFC, case-insensitive) so a renamed sheet is still read. */
  table(name: string): { sheet: string; ref: string } | null;
  /** The cell a name points at (the first cell of a range). */
  namedCell(name: string): { sheet: string; address: string } | null;
  /** A cell at a 0-based row and column. */
  cell(sheet: string, row: number, column: number): CellRead;
  /** How many rows and columns a sheet's cells span from A1, when the reader knows (a file's reader does). */
  extent?(sheet: string): { rows: number; columns: number };
  /** Whether a cell is a formula whose result the file does not hold, when the reader knows (Office.js always has results). */
  uncomputed?(sheet: string, row: number, column: number): boolean;
}

/** Excel's last column (XFD) and row, 0-based. */
const LAST_COLUMN = MAX_COLUMNS - 1;
const LAST_ROW = MAX_ROWS - 1;
const TABLE_RANGE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

/** A table's range as corners (0-based), refused when it is not a range inside the worksheet. */
export function tableCorners(table: string, ref: string): { first: { row: number; column: number }; last: { row: number; column: number } } {
  const m = TABLE_RANGE.exec(ref.trim());
  const first = m && { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
  const last = m && { row: Number(m[4] ?? m[2]) - 1, column: columnIndex(m[3] ?? m[1]) };
  if (!first || !last || first.row < 0 || last.row < first.row || last.column < first.column || last.row > LAST_ROW || last.column > LAST_COLUMN) {
    throw new MalformedXml(fileMsg.badTableRange.of(table, ref.slice(0, 40)));
  }
  return { first, last };
}

const EMPTY: CellRead = { value: "", formula: "" };
/** The table's columns a person types into (the engine's inputs). */
const INPUT_COLUMNS = ["code", "direction", "key", "weight", "target", "actual"] as const;

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
    // A name pointing past XFD or row 1,048,576 points at no cell Excel has.
    if (!match || columnIndex(match[3]) >= MAX_COLUMNS || Number(match[4]) < 1 || Number(match[4]) > MAX_ROWS) return null;
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
    extent: (sheet) => book.cells(sheet)?.extent ?? { rows: 0, columns: 0 },
    uncomputed: (sheet, row, column) => book.cells(sheet)?.uncomputed(row, column) ?? false,
  };
}

function cellAt(book: WorkbookCells, sheet: string, address: string): CellRead {
  const at = parseCell(address);
  return book.cell(sheet, at.row, at.column);
}

/**
 * A table's cells as Office.js gives them. The grid stops where the sheet's cells stop, whatever
 * the table's range claims (A7:XFD1048576 is 17 billion cells, the file a few hundred), and
 * `lastRow` (0-based, inclusive) cuts it shorter still.
 */
export function grid(book: WorkbookCells, sheet: string, ref: string, table = "", lastRow = LAST_ROW): TableGrid {
  const { first: a, last: claimed } = tableCorners(table, ref);
  const extent = book.extent?.(sheet);
  const b = {
    row: Math.min(claimed.row, lastRow, extent ? Math.max(a.row, extent.rows - 1) : LAST_ROW),
    column: Math.min(claimed.column, extent ? Math.max(a.column, extent.columns - 1) : LAST_COLUMN),
  };
  const cells = (count: number, from: number) =>
    Array.from({ length: count }, (_, r) => Array.from({ length: b.column - a.column + 1 }, (_, c) => book.cell(sheet, from + r, a.column + c)));
  const rows = cells(b.row - a.row + 1, a.row);
  return {
    sheet,
    origin: cellAddress(a.row, a.column),
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

/**
 * The named cells with their formulas, for the check of the summary formulas, each read when the
 * check asks for it: reading every name read "Bản in" too (the number line and the recipients), a
 * sheet of 800 KB in a unit file `chitieu assign` writes, half of consolidating it.
 */
function namedFormulas(book: WorkbookCells): Pick<ReadonlyMap<string, { sheet: string; address: string; formula: unknown }>, "get"> {
  return {
    get(name) {
      const at = book.namedCell(name);
      return at ? { ...at, formula: cellAt(book, at.sheet, at.address).formula } : undefined;
    },
  };
}

/** The first named cell (the summary's) that the unit table's range covers below its header row, if any. */
function summaryInTable(wb: WorkbookCells, table: { sheet: string; ref: string }): { address: string; row: number } | null {
  const { first, last } = tableCorners(TABLES.unit, table.ref);
  let found: { address: string; row: number } | null = null;
  for (const name of Object.values(NAMES)) {
    const at = wb.namedCell(name);
    if (at === null || at.sheet !== table.sheet) continue;
    const { row, column } = parseCell(at.address);
    if (row > first.row && row <= last.row && column >= first.column && column <= last.column && (found === null || row < found.row)) found = { address: at.address, row };
  }
  return found;
}

/** The table's inputs that are formulas the file holds no result for: read as blank, they would make an indicator "pending" unseen. */
function uncomputedInputs(wb: WorkbookCells, sheet: string, read: UnitTableRead): Problem[] {
  if (read.letters === null) return [];
  const letters = read.letters;
  const columns = INPUT_COLUMNS.map((key) => columnIndex(letters[key]));
  const found: Problem[] = [];
  for (let row = read.firstRow - 1; row < read.lastRow; row++) {
    for (const column of columns) if (wb.uncomputed?.(sheet, row, column)) found.push(problem(sheet, cellAddress(row, column), fileMsg.uncomputed));
  }
  return found;
}

/** Which unit of a workbook to read, and under whose rules. */
export interface ReadOptions {
  /** The unit of a shared workbook (unit 1, the only one of most workbooks, by default). */
  readonly place?: UnitPlace;
  /**
   * The rules to evaluate under instead of the file's own, from the year the file holds
   * (consolidation: the province's rules, docs/rules.md §3 "Whose rules").
   */
  readonly rules?: (year: number | null) => RuleSet;
  /**
   * Evaluate the unit as it stands at this date (mid-year consolidation): its follow-up snapshot's
   * actuals against what was due by then, instead of the table's actuals (docs/rules.md §3).
   */
  readonly asOf?: AsOfRequest;
}

/** The cells of one unit of a shared workbook: its own table and names (TongDiem_2 …), the shared rules. */
export function placedCells(wb: WorkbookCells, place: UnitPlace): WorkbookCells {
  if (place.index === 1) return wb;
  const tables: Readonly<Record<string, string>> = { [TABLES.unit]: place.table, [TABLES.criteria]: place.criteriaTable };
  return {
    table: (name) => wb.table(tables[name] ?? name),
    namedCell: (name) => wb.namedCell(placedName(name, place)),
    cell: wb.cell,
    extent: wb.extent,
    uncomputed: wb.uncomputed,
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
  if (criteria) problems.push(...scoreCriteriaTable(readCriteriaTable(grid(wb, criteria.sheet, criteria.ref, TABLES.criteria)), criteria.sheet, rules.commonMaxPoints).problems);
  const table = wb.table(TABLES.unit);
  if (!table) {
    problems.push(problem(SHEETS.unit, null, sheetMsg.noUnitTableInFile.of(TABLES.unit)));
    return { sheet: null, evaluation: null, rules, ownRules, unitLevel: null, civilServantLevel: null, finalLevel: null, finalLevelRefused: [], overwrittenFormulas: [], problems, table: null, ...named, tableCellValue: () => undefined };
  }
  const summary = summaryInTable(wb, table);
  if (summary) problems.push(problem(table.sheet, summary.address, fileMsg.tableOverSummary.of(TABLES.unit, table.ref, summary.address)));
  const tableGrid = grid(wb, table.sheet, table.ref, TABLES.unit, summary ? summary.row - 1 : undefined);
  const read = readUnitTable(tableGrid);
  problems.push(...read.problems, ...uncomputedInputs(wb, table.sheet, read));
  const overwrittenFormulas = read.overwritten;
  // Mid-year the table as it stands at the date, for the evaluation and for what consolidation keeps.
  const atDate = options.asOf ? tableAtDate(wb, read, options.asOf, options.place ?? unitPlace(1)) : null;
  const extra = { table: atDate?.read ?? read, ...named, tableCellValue: (address: string) => cellAt(wb, table.sheet, address).value };
  const lookupNamed = lookup(wb);
  const { problems: levelProblems, ...levels } = readLevels(lookupNamed);
  problems.push(...levelProblems);
  if (read.letters === null) return { sheet: table.sheet, evaluation: null, rules, ownRules, ...levels, finalLevelRefused: refusedAt(wb, problems), overwrittenFormulas, problems, ...extra };
  const evaluated = evaluateUnitTable(atDate?.read ?? read, table.sheet, rules, lookupNamed);
  problems.push(...evaluated.problems, ...summaryRepairs(table.sheet, read, namedFormulas(wb), false).problems);
  const snapshot = atDate ? { snapshot: atDate.snapshot } : {};
  return { sheet: table.sheet, evaluation: evaluated.evaluation, rules, ownRules, ...levels, finalLevelRefused: refusedAt(wb, problems), overwrittenFormulas, problems, ...extra, ...snapshot };
}

/**
 * The unit table as it stands at a date: its inputs with the follow-up snapshot's figures (what was
 * due by then, what was typed then), from the unit's own follow-up sheet ("Theo dõi n" for unit n);
 * a unit without a snapshot at the date has every indicator open.
 */
function tableAtDate(wb: WorkbookCells, read: UnitTableRead, request: AsOfRequest, place: UnitPlace): { read: UnitTableRead; snapshot: NonNullable<UnitWorkbookRead["snapshot"]> } {
  const year = yearOf(wb);
  // A quarter is of the year the file holds (a file without a valid year is rejected by its reader).
  const asOf = resolveAsOf(request, year ?? new Date().getFullYear());
  // A workbook without the sheet reads empty cells there: no rows, no snapshot.
  const sheet = place.followUpSheet;
  const followUp = year !== null ? readFollowUp((row, column) => wb.cell(sheet, row, column), read.rows, year, sheet) : { periods: [], problems: [] };
  const period = snapshotAt(followUp.periods, asOf);
  const inputs = inputsAtSnapshot(read.rows.map((r) => r.input), period?.indicators ?? []);
  return {
    read: { ...read, rows: read.rows.map((r, i) => ({ ...r, input: inputs[i] })) },
    snapshot: { asked: asOf.date, asOf: period?.asOf ?? null, problems: followUp.problems, sheet },
  };
}

