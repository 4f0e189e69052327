import FormulaParser from "fast-formula-parser";
import { MAX_COLUMNS, MAX_ROWS, parseAddress } from "./address";
import { Cell, ComputedValue, ExcelErrorValue, SheetModel, WorkbookModel } from "./cellStore";
import { customFunctions } from "./formulaFunctions";
import { excelFunctions, installExcelOperators } from "./formulaSemantics";

const { FormulaError } = FormulaParser;
installExcelOperators();

/** Thrown from a reference callback when a formula cell it needs has not been computed yet. */
class NeedsCells {
  constructor(readonly cells: { sheet: SheetModel; row: number; col: number; cell: Cell }[]) {}
}

type State = "pending" | "done" | "cycle";

/**
 * Recomputes every formula of the workbook. fast-formula-parser is not re-entrant, so dependencies are not
 * evaluated recursively from inside a parse: a parse that meets an uncomputed formula aborts, the dependency
 * is computed first (explicit stack), and the parse is retried. A dependency already on the stack is a cycle
 * and reads as #REF!, so cycles terminate.
 */
export function recalculate(model: WorkbookModel): void {
  const state = new Map<Cell, State>();
  const parser = new FormulaParser({
    functions: { ...customFunctions, ...excelFunctions },
    // A bare word such as "abc" lexes as a half reference (column only); Excel reads it as an unknown name.
    onCell: ({ sheet, row, col }) => (Number.isInteger(row) && Number.isInteger(col) ? readCell(sheet, row - 1, col - 1) : FormulaError.NAME),
    onRange: ({ sheet, from, to }) => readRange(sheet, from, to),
    onVariable: (name) => resolveName(model, name),
  });

  function readCell(sheetName: string, row: number, col: number): unknown {
    const sheet = model.findSheet(sheetName);
    return sheet ? readCellOf(sheet, row, col) : FormulaError.REF;
  }

  function readCellOf(sheet: SheetModel, row: number, col: number): unknown {
    const cell = sheet.cellAt(row, col);
    if (!cell) return null;
    if (cell.formula !== null && state.get(cell) !== "done") {
      if (state.get(cell) === "pending" || state.get(cell) === "cycle") {
        state.set(cell, "cycle");
        return FormulaError.REF;
      }
      throw new NeedsCells([{ sheet, row, col, cell }]);
    }
    return toParserValue(cell.formula !== null ? cell.computed : cell.value);
  }

  function readRange(sheetName: string, from: { row: number; col: number }, to: { row: number; col: number }): unknown[][] {
    const sheet = model.findSheet(sheetName);
    if (!sheet) throw FormulaError.REF;
    // Whole-column/row references are clipped to the used area, like Excel's own evaluation (usedRect scans
    // every cell, so only for those).
    const used = to.row >= MAX_ROWS || to.col >= MAX_COLUMNS ? sheet.usedRect(true) : undefined;
    const endRow = to.row >= MAX_ROWS ? Math.min(to.row, (used?.endRow ?? 0) + 1) : to.row;
    const endCol = to.col >= MAX_COLUMNS ? Math.min(to.col, (used?.endCol ?? 0) + 1) : to.col;
    const missing: NeedsCells["cells"] = [];
    const rows: unknown[][] = [];
    for (let r = from.row - 1; r < endRow; r++) {
      const line: unknown[] = [];
      for (let c = from.col - 1; c < endCol; c++) {
        const cell = sheet.cellAt(r, c);
        if (cell && cell.formula !== null && state.get(cell) === undefined) missing.push({ sheet, row: r, col: c, cell });
        line.push(missing.length > 0 ? null : readCellOf(sheet, r, c));
      }
      rows.push(line);
    }
    if (missing.length > 0) throw new NeedsCells(missing);
    return rows;
  }

  const stack: { sheet: SheetModel; row: number; col: number; cell: Cell }[] = [];
  for (const sheet of model.sheets) {
    for (const [key, cell] of sheet.cells) {
      if (cell.formula === null || state.get(cell) === "done") continue;
      stack.push({ sheet, ...SheetModel.position(key), cell });
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (state.get(top.cell) === "done") {
          stack.pop();
          continue;
        }
        if (state.get(top.cell) !== "cycle") state.set(top.cell, "pending");
        const outcome = evaluate(parser, top.sheet, top.row, top.col, top.cell.formula ?? "");
        if (outcome instanceof NeedsCells) {
          stack.push(...outcome.cells.filter((d) => state.get(d.cell) === undefined));
          continue;
        }
        top.cell.computed = outcome;
        state.set(top.cell, "done");
        stack.pop();
      }
    }
  }
  model.dirty = false;
}

function evaluate(parser: FormulaParser, sheet: SheetModel, row: number, col: number, formula: string): ComputedValue | NeedsCells {
  try {
    return fromParserValue(parser.parse(formula.slice(1), { sheet: sheet.name, row: row + 1, col: col + 1 }));
  } catch (e) {
    if (e instanceof NeedsCells) return e;
    if (e instanceof FormulaError && e.details instanceof NeedsCells) return e.details;
    if (e instanceof FormulaError && e.error !== "#ERROR!") return new ExcelErrorValue(e.error);
    // Unparseable formulas: Excel would not accept them; a dangling #REF! is what sheet deletion leaves behind.
    return new ExcelErrorValue(formula.includes("#REF!") ? "#REF!" : "#NAME?");
  }
}

function toParserValue(value: ComputedValue): unknown {
  return value instanceof ExcelErrorValue ? new FormulaError(value.code) : value;
}

function fromParserValue(value: unknown): ComputedValue {
  if (value instanceof FormulaError) return new ExcelErrorValue(value.error);
  if (Array.isArray(value)) return fromParserValue((value as unknown[][])[0]?.[0] ?? null);
  if (value === null || value === undefined) return 0; // "=A1" with A1 blank shows 0
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return new ExcelErrorValue("#VALUE!");
}

/** Workbook-scoped defined names that refer to a cell or range ("='Quy tắc'!$B$3"). */
function resolveName(model: WorkbookModel, name: string): FormulaParser.CellRef | FormulaParser.RangeRef | null {
  const item = model.findName(name);
  if (!item) return null;
  try {
    const { sheet, rect } = parseAddress(item.formula.replace(/^=/, ""));
    if (!sheet) return null;
    if (rect.startRow === rect.endRow && rect.startCol === rect.endCol) {
      return { sheet, row: rect.startRow + 1, col: rect.startCol + 1 };
    }
    return { sheet, from: { row: rect.startRow + 1, col: rect.startCol + 1 }, to: { row: rect.endRow + 1, col: rect.endCol + 1 } };
  } catch {
    return null;
  }
}
