import { Rect, intersect, rectArea, validateRect } from "./address";
import { ComputedValue, ExcelErrorValue, Scalar, SheetModel, StyleValue } from "./cellStore";
import { parseTypedInput } from "./cellInput";
import { fail } from "./errors";
import { formatDisplay } from "./numberFormat";
import { formulaShifter } from "../../layout/shiftFormula";

/** What every range-like proxy resolves to. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export function rowCount(r: Rect): number {
  return r.endRow - r.startRow + 1;
}

export function columnCount(r: Rect): number {
  return r.endCol - r.startCol + 1;
}

/** Office accepts a 2-D array of the range's exact shape, or one scalar applied to every cell. */
export function cellSource(input: unknown, rect: Rect, what: string): (row: number, col: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const ok =
    input.length === rowCount(rect) && input.every((line) => Array.isArray(line) && line.length === columnCount(rect));
  if (!ok) {
    fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  const grid = input as unknown[][];
  return (row, col) => grid[row - rect.startRow][col - rect.startCol];
}

function isLocked(sheet: SheetModel, row: number, col: number): boolean {
  return sheet.getStyle(row, col, "locked") !== false;
}

/** AccessDenied when a protected sheet would change a locked cell. */
export function assertEditable(target: RangeTarget, allowOption?: string): void {
  const { sheet, rect } = target;
  if (!sheet.protection.protected) return;
  if (allowOption && sheet.protection.options[allowOption]) return;
  if (rectArea(rect) <= 100000) {
    for (let row = rect.startRow; row <= rect.endRow; row++) {
      for (let col = rect.startCol; col <= rect.endCol; col++) {
        if (isLocked(sheet, row, col)) denyLocked(sheet);
      }
    }
    return;
  }
  if (sheet.uniformStyle(rect, "locked") !== false) denyLocked(sheet);
}

function denyLocked(sheet: SheetModel): never {
  return fail("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
}

/** Structural changes (tables, validation, conditional formats, merges) are refused on a protected sheet. */
export function assertUnprotected(sheet: SheetModel, what: string): void {
  if (sheet.protection.protected) fail("AccessDenied", `Cannot ${what}: the sheet '${sheet.name}' is protected.`);
}

function toScalar(value: unknown): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return fail("InvalidArgument", "Cell values must be strings, numbers or booleans.");
}

/** Range.values / Range.formulas setter: entries are interpreted as typed input; null leaves a cell unchanged. */
export function writeInputs(target: RangeTarget, input: unknown, what: string): void {
  const source = cellSource(input, target.rect, what);
  assertEditable(target);
  const { sheet, rect } = target;
  for (let row = rect.startRow; row <= rect.endRow; row++) {
    for (let col = rect.startCol; col <= rect.endCol; col++) {
      const raw = source(row, col);
      if (raw === null || raw === undefined) continue;
      const format = String(sheet.getStyle(row, col, "numberFormat"));
      const parsed = parseTypedInput(toScalar(raw), format);
      sheet.setContent(row, col, parsed);
      if (parsed.percentFormat && format === "General") sheet.setStyle({ startRow: row, startCol: col, endRow: row, endCol: col }, "numberFormat", "0%");
    }
  }
}

/** Scalar or per-cell style write (numberFormat, locked, font.bold…). */
export function writeStyle(target: RangeTarget, key: string, input: unknown, allowOption?: string): void {
  if (key === "locked" || key === "formulaHidden") assertUnprotected(target.sheet, "change cell protection");
  else assertEditable(target, allowOption);
  if (!Array.isArray(input)) {
    target.sheet.setStyle(target.rect, key, input as StyleValue);
    return;
  }
  const source = cellSource(input, target.rect, key);
  for (let row = target.rect.startRow; row <= target.rect.endRow; row++) {
    for (let col = target.rect.startCol; col <= target.rect.endCol; col++) {
      target.sheet.setStyle({ startRow: row, startCol: col, endRow: row, endCol: col }, key, source(row, col) as StyleValue);
    }
  }
}

export function computedAt(sheet: SheetModel, row: number, col: number): ComputedValue {
  const cell = sheet.cellAt(row, col);
  if (!cell) return null;
  return cell.formula !== null ? cell.computed : cell.value;
}

function grid<T>(target: RangeTarget, read: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = target.rect.startRow; row <= target.rect.endRow; row++) {
    const line: T[] = [];
    for (let col = target.rect.startCol; col <= target.rect.endCol; col++) line.push(read(row, col));
    out.push(line);
  }
  return out;
}

export function readValues(target: RangeTarget): unknown[][] {
  return grid(target, (row, col) => {
    const v = computedAt(target.sheet, row, col);
    return v instanceof ExcelErrorValue ? v.code : (v ?? "");
  });
}

export function readFormulas(target: RangeTarget): unknown[][] {
  return grid(target, (row, col) => {
    const cell = target.sheet.cellAt(row, col);
    return cell?.formula ?? cell?.value ?? "";
  });
}

export function readText(target: RangeTarget): string[][] {
  return grid(target, (row, col) => formatDisplay(computedAt(target.sheet, row, col), String(target.sheet.getStyle(row, col, "numberFormat"))));
}

export function readNumberFormat(target: RangeTarget): unknown[][] {
  return grid(target, (row, col) => target.sheet.getStyle(row, col, "numberFormat"));
}

export function readValueTypes(target: RangeTarget): string[][] {
  return grid(target, (row, col) => {
    const v = computedAt(target.sheet, row, col);
    if (v === null || v === "") return "Empty";
    if (v instanceof ExcelErrorValue) return "Error";
    return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
  });
}

/** Range.clear(applyTo): "All" (default), "Contents", "Formats". */
export function clearRange(target: RangeTarget, applyTo: string): void {
  const mode = applyTo.toLowerCase();
  assertEditable(target);
  const { sheet, rect } = target;
  if (mode === "all" || mode === "contents") {
    for (const { row, col, cell } of sheet.cellsIn(rect)) {
      if (cell.value !== null || cell.formula !== null) sheet.setContent(row, col, { value: null, formula: null });
    }
  }
  if (mode === "all" || mode === "formats") sheet.clearStyles(rect);
}

/**
 * Range.copyFrom(source, "Formulas"), as Excel's paste of formulas: a destination an exact multiple
 * of the source's size (rows, columns) is tiled with it, any other is the source's size from its
 * top-left cell. Each formula moves by its offset (relative references shift, $ parts stay,
 * 'sheet'!references keep their sheet, names and quoted text are left alone); constants and blanks
 * are copied as they are; formats and lock state stay the destination's.
 */
export function copyFormulas(target: RangeTarget, source: RangeTarget): void {
  const fit = (to: number, from: number) => (to % from === 0 ? to : from);
  const rows = fit(rowCount(target.rect), rowCount(source.rect));
  const columns = fit(columnCount(target.rect), columnCount(source.rect));
  const { startRow, startCol } = target.rect;
  const rect = validateRect({ startRow, startCol, endRow: startRow + rows - 1, endCol: startCol + columns - 1 }, "copyFrom");
  assertEditable({ sheet: target.sheet, rect });
  // Read the whole source first: it may overlap the destination.
  const copied = Array.from({ length: rowCount(source.rect) }, (_, r) =>
    Array.from({ length: columnCount(source.rect) }, (_, c) => {
      const cell = source.sheet.cellAt(source.rect.startRow + r, source.rect.startCol + c);
      return { value: cell?.value ?? null, formula: cell?.formula ?? null, shifted: cell?.formula ? formulaShifter(cell.formula) : null };
    }),
  );
  const height = copied.length;
  const width = copied[0].length;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const from = copied[r % height][c % width];
      const down = startRow + r - (source.rect.startRow + (r % height));
      const across = startCol + c - (source.rect.startCol + (c % width));
      target.sheet.setContent(startRow + r, startCol + c, from.shifted === null ? from : { value: null, formula: from.shifted(down, across) });
    }
  }
}

/** Merging keeps only the upper-left value, as Excel's API does. */
export function mergeRange(target: RangeTarget, across: boolean): void {
  assertUnprotected(target.sheet, "merge cells");
  const { sheet, rect } = target;
  const pieces = across
    ? Array.from({ length: rowCount(rect) }, (_, i) => ({ ...rect, startRow: rect.startRow + i, endRow: rect.startRow + i }))
    : [rect];
  sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
  for (const piece of pieces) {
    if (rectArea(piece) < 2) continue;
    sheet.merges.push(piece);
    for (const { row, col, cell } of sheet.cellsIn(piece)) {
      const upperLeft = row === piece.startRow && col === piece.startCol;
      if (!upperLeft && (cell.value !== null || cell.formula !== null)) sheet.setContent(row, col, { value: null, formula: null });
    }
  }
}

export function unmergeRange(target: RangeTarget): void {
  assertUnprotected(target.sheet, "unmerge cells");
  target.sheet.merges = target.sheet.merges.filter((m) => !intersect(m, target.rect));
}

/** Rough autofit: widest displayed text at ~6 points per character, like Calibri 11. */
export function autofitColumns(target: RangeTarget): void {
  const { sheet, rect } = target;
  const widths = new Map<number, number>();
  for (const { row, col } of sheet.cellsIn(rect)) {
    const text = formatDisplay(computedAt(sheet, row, col), String(sheet.getStyle(row, col, "numberFormat")));
    const longest = Math.max(...text.split("\n").map((l) => l.length));
    widths.set(col, Math.max(widths.get(col) ?? 0, longest * 6 + 6));
  }
  for (const [col, width] of widths) sheet.columnWidths.set(col, Math.max(width, 12));
}

export function autofitRows(target: RangeTarget): void {
  const { sheet, rect } = target;
  const lines = new Map<number, number>();
  for (const { row, col } of sheet.cellsIn(rect)) {
    const text = formatDisplay(computedAt(sheet, row, col), String(sheet.getStyle(row, col, "numberFormat")));
    const wrap = sheet.getStyle(row, col, "wrapText") === true;
    lines.set(row, Math.max(lines.get(row) ?? 1, wrap ? text.split("\n").length : 1));
  }
  for (const [row, count] of lines) sheet.rowHeights.set(row, 15 * count);
}
