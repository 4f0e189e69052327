import { columnIndex, columnLetter, MAX_COLUMNS, MAX_ROWS } from "../../layout/addresses";
import { fail } from "./errors";

export { MAX_COLUMNS, MAX_ROWS };

/** Zero-based inclusive rectangle of cells. */
export interface Rect {
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

/** Simple sheet names may be written bare; anything else (spaces, Vietnamese letters, names that look like refs) is quoted. */
export function quoteSheetName(name: string): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^R[0-9]*C[0-9]*$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

function parsePart(part: string): { row?: number; col?: number } | undefined {
  let m = CELL.exec(part);
  if (m) return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(part);
  if (m) return { col: columnIndex(m[1]) };
  m = ROW.exec(part);
  if (m) return { row: Number(m[1]) - 1 };
  return undefined;
}

/** Splits an optional sheet prefix ('Quy tắc'!A1 or Sheet1!A1) from the reference part. */
function splitSheet(address: string): { sheet?: string; ref: string } {
  const trimmed = address.trim();
  if (trimmed.startsWith("'")) {
    const m = /^'((?:[^']|'')+)'!(.*)$/.exec(trimmed);
    if (m) return { sheet: m[1].replace(/''/g, "'"), ref: m[2] };
    return { ref: trimmed };
  }
  const bang = trimmed.lastIndexOf("!");
  return bang >= 0 ? { sheet: trimmed.slice(0, bang), ref: trimmed.slice(bang + 1) } : { ref: trimmed };
}

/** Parses A1-style addresses: "A1", "B2:D10", "A:A", "3:3", optionally sheet-qualified. Throws InvalidArgument. */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, ref } = splitSheet(address);
  const parts = ref.split(":");
  const a = parts.length <= 2 ? parsePart(parts[0]) : undefined;
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) fail("InvalidArgument", `The address '${address}' is not valid.`);
  let rect: Rect;
  if (a.row !== undefined && a.col !== undefined && b.row !== undefined && b.col !== undefined) {
    rect = { startRow: a.row, startCol: a.col, endRow: b.row, endCol: b.col };
  } else if (a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined && parts.length === 2) {
    rect = { startRow: 0, startCol: a.col, endRow: MAX_ROWS - 1, endCol: b.col };
  } else if (a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined && parts.length === 2) {
    rect = { startRow: a.row, startCol: 0, endRow: b.row, endCol: MAX_COLUMNS - 1 };
  } else {
    return fail("InvalidArgument", `The address '${address}' is not valid.`);
  }
  return { sheet, rect: validateRect(normalizeRect(rect), address) };
}

function normalizeRect(r: Rect): Rect {
  return {
    startRow: Math.min(r.startRow, r.endRow),
    endRow: Math.max(r.startRow, r.endRow),
    startCol: Math.min(r.startCol, r.endCol),
    endCol: Math.max(r.startCol, r.endCol),
  };
}

export function validateRect(r: Rect, what: string): Rect {
  const ok =
    [r.startRow, r.endRow, r.startCol, r.endCol].every(Number.isInteger) &&
    r.startRow >= 0 && r.startCol >= 0 && r.endRow < MAX_ROWS && r.endCol < MAX_COLUMNS &&
    r.startRow <= r.endRow && r.startCol <= r.endCol;
  if (!ok) fail("InvalidArgument", `The range '${what}' is outside the grid.`);
  return r;
}

function isWholeColumns(r: Rect): boolean {
  return r.startRow === 0 && r.endRow === MAX_ROWS - 1;
}

function isWholeRows(r: Rect): boolean {
  return r.startCol === 0 && r.endCol === MAX_COLUMNS - 1;
}

/** Reference text without sheet: "A1", "A1:B2", "A:B", "3:4"; `absolute` adds $ signs. */
export function formatRef(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isWholeColumns(r) && !isWholeRows(r)) {
    return `${d}${columnLetter(r.startCol)}:${d}${columnLetter(r.endCol)}`;
  }
  if (isWholeRows(r) && !isWholeColumns(r)) return `${d}${r.startRow + 1}:${d}${r.endRow + 1}`;
  const start = `${d}${columnLetter(r.startCol)}${d}${r.startRow + 1}`;
  if (r.startRow === r.endRow && r.startCol === r.endCol) return start;
  return `${start}:${d}${columnLetter(r.endCol)}${d}${r.endRow + 1}`;
}

/** Office's Range.address format: Sheet1!A1:B2 / 'Chỉ tiêu'!A1. */
export function formatAddress(sheet: string, r: Rect, absolute = false): string {
  return `${quoteSheetName(sheet)}!${formatRef(r, absolute)}`;
}

export function rectArea(r: Rect): number {
  return (r.endRow - r.startRow + 1) * (r.endCol - r.startCol + 1);
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r = {
    startRow: Math.max(a.startRow, b.startRow),
    startCol: Math.max(a.startCol, b.startCol),
    endRow: Math.min(a.endRow, b.endRow),
    endCol: Math.min(a.endCol, b.endCol),
  };
  return r.startRow <= r.endRow && r.startCol <= r.endCol ? r : undefined;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.startRow && row <= outer.endRow && col >= outer.startCol && col <= outer.endCol;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.startRow === b.startRow && a.endRow === b.endRow && a.startCol === b.startCol && a.endCol === b.endCol;
}
