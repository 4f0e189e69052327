import { columnIndex } from "../layout/addresses";
import { shiftFormula } from "./shiftFormula";
import { attributes, cellText, runsText, xmlUnescape } from "./xmlText";

/**
 * A worksheet's cells read from its XML (<sheetData>), as Office.js returns them: `value` is the
 * number, text, boolean or error text ("#N/A"), "" for an empty cell, a formula's cached result
 * ("" when the file has none); dates stay serial numbers (styles are not read). `formula` is the
 * formula with its "=", or the value when the cell has none, like Range.formulas.
 */
export interface CellRead {
  readonly value: unknown;
  readonly formula: unknown;
}

export interface SheetCells {
  /** The cell at 0-based row and column. */
  cell(row: number, column: number): CellRead;
}

const EMPTY: CellRead = { value: "", formula: "" };
const KEY_COLUMNS = 16_384;
/** Excel's serial day 0 (1899-12-30). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The strings of sharedStrings.xml, in order, rich-text runs joined. */
export function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => runsText(m[1] ?? ""));
}

/** A cell's value from its type (t) and <v> or <is>. */
function cellValue(type: string | undefined, v: string | undefined, inline: string | undefined, strings: readonly string[]): unknown {
  if (type === "inlineStr") return inline === undefined ? "" : runsText(inline);
  if (v === undefined) return "";
  switch (type) {
    case "s":
      return strings[Number(v)] ?? "";
    case "str":
      return cellText(v);
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return xmlUnescape(v).trim();
    case "d": {
      const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) || !v.includes("T") ? v : `${v}Z`);
      return Number.isNaN(ms) ? cellText(v) : (ms - EXCEL_EPOCH) / 86_400_000;
    }
    default:
      return v.trim() === "" ? "" : Number(v);
  }
}

interface SharedMaster {
  readonly row: number;
  readonly column: number;
  readonly formula: string;
}

const ROW_OR_CELL = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/;
const INLINE = /<is\b[^>]*?(?:\/>|>([\s\S]*?)<\/is>)/;
const ADDRESS = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Cells parsed from a worksheet's XML; shared strings come from sharedStrings(). */
export function parseSheet(xml: string, strings: readonly string[]): SheetCells {
  const cells = new Map<number, CellRead>();
  const start = xml.indexOf("<sheetData");
  const end = xml.indexOf("</sheetData>", start);
  if (start < 0 || end < 0) return { cell: () => EMPTY };
  const data = xml.slice(start, end);
  const masters = new Map<string, SharedMaster>();
  const followers: { key: number; row: number; column: number; si: string; value: unknown }[] = [];
  let row = -1;
  let column = -1;
  for (const m of data.matchAll(ROW_OR_CELL)) {
    if (m[1] !== undefined) {
      // <row r="8">: rows without r follow the previous one.
      const r = attributes(m[1]).get("r");
      row = r === undefined ? row + 1 : Number(r) - 1;
      column = -1;
      continue;
    }
    const attrs = attributes(m[3]);
    const address = ADDRESS.exec(attrs.get("r") ?? "");
    if (address) {
      row = Number(address[2]) - 1;
      column = columnIndex(address[1]);
    } else column += 1;
    const inner = m[4] ?? "";
    const v = VALUE.exec(inner);
    const value = cellValue(attrs.get("t"), v ? (v[1] ?? "") : undefined, INLINE.exec(inner)?.[1], strings);
    const key = row * KEY_COLUMNS + column;
    const f = FORMULA.exec(inner);
    if (f) {
      const fAttrs = attributes(f[1]);
      const text = f[2] === undefined ? "" : xmlUnescape(f[2]);
      const si = fAttrs.get("si");
      if (fAttrs.get("t") === "shared" && si !== undefined) {
        if (text !== "") masters.set(si, { row, column, formula: text });
        else {
          followers.push({ key, row, column, si, value });
          continue;
        }
      }
      if (text !== "") {
        cells.set(key, { value, formula: `=${text}` });
        continue;
      }
    }
    if (value !== "") cells.set(key, { value, formula: value });
  }
  // A follower takes its master's formula moved to its own cell (masters come first, but a file may order them otherwise).
  for (const f of followers) {
    const master = masters.get(f.si);
    if (master) cells.set(f.key, { value: f.value, formula: `=${shiftFormula(master.formula, f.row - master.row, f.column - master.column)}` });
    else if (f.value !== "") cells.set(f.key, { value: f.value, formula: f.value });
  }
  return { cell: (r, c) => cells.get(r * KEY_COLUMNS + c) ?? EMPTY };
}
