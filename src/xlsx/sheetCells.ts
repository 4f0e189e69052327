import { type Message } from "../domain/messages/localize";
import { sheetXmlMsg } from "../domain/messages/sheetXml";
import { cellAddress, columnIndex, insideSheet, MAX_COLUMNS, MAX_ROWS } from "../layout/addresses";
import { formulaShifter } from "../layout/shiftFormula";
import { canonicalXml } from "./xmlCanonical";
import { cellText, elements, MalformedXml, runsText, startsElement, xmlUnescape } from "./xmlText";

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

/**
 * How a part's bytes become text: the CLI uses node's Buffer (fast), the pane TextDecoder.
 * `latin1` must give one character per byte (windows-1252 does), so offsets in the text are
 * offsets in the bytes.
 */
export interface PartText {
  latin1(bytes: Uint8Array): string;
  utf8(bytes: Uint8Array, start?: number, end?: number): string;
  /** The bytes of a text that latin1() gave (changed only in its ASCII markup). */
  bytes(latin1: string): Uint8Array;
}

/** Decoders made when first needed, so importing this module needs no TextDecoder. */
let decoders: { utf8: TextDecoder; latin1: TextDecoder } | undefined;
const decoder = () => (decoders ??= { utf8: new TextDecoder("utf-8"), latin1: new TextDecoder("latin1") });

/** windows-1252's characters for the bytes 0x80–0x9F (where it differs from ISO 8859-1), back to their bytes. */
let upper: Map<number, number> | undefined;
function windows1252Bytes(text: string): Uint8Array {
  upper ??= new Map(Array.from({ length: 32 }, (_, i) => [decoder().latin1.decode(Uint8Array.of(0x80 + i)).charCodeAt(0), 0x80 + i]));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[i] = code < 0x80 || code > 0x9f ? (code < 0x100 ? code : (upper.get(code) ?? 0x3f)) : code;
  }
  return bytes;
}

/** The codec of any platform with TextDecoder (the browser). */
export const TEXT_DECODER: PartText = {
  latin1: (bytes) => decoder().latin1.decode(bytes),
  utf8: (bytes, start, end) => decoder().utf8.decode(start === undefined ? bytes : bytes.subarray(start, end)),
  bytes: windows1252Bytes,
};

export interface SheetCells {
  /** The cell at 0-based row and column. */
  cell(row: number, column: number): CellRead;
  /** Whether the cell holds a formula without its result (written by a program that does not calculate): its value is not known. */
  uncomputed(row: number, column: number): boolean;
  /** How many rows and columns the sheet's cells span (from A1): no cell lies beyond, whatever a table claims. */
  readonly extent: { readonly rows: number; readonly columns: number };
}

const EMPTY: CellRead = { value: "", formula: "" };
/** A number as XML Schema writes a double (what Excel writes and reads in <v>): not hexadecimal, not "Infinity". */
const XSD_NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const CELL_TYPES = new Set(["n", "s", "str", "inlineStr", "b", "e", "d"]);
const INDEX = /^\s*\d{1,10}\s*$/;
/** Excel's serial day 0 (1899-12-30). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The strings of sharedStrings.xml, in order, rich-text runs joined. */
export function sharedStrings(xml: string): string[] {
  return Array.from(elements(canonicalXml(xml), "si"), (si) => runsText(si.content));
}

/** A cell's value from its type (t) and <v> or <is>. */
function cellValue(type: string | undefined, v: string | undefined, inline: string | undefined, strings: readonly string[]): unknown {
  if (type === "inlineStr") return inline === undefined ? "" : runsText(inline);
  if (v === undefined) return "";
  switch (type) {
    case "s":
      return strings[Number(v)];
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

/** Where a piece of text lies in the sheet part's bytes. */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** A cell as the file holds it, decoded when first asked for (a sheet may hold long formulas that are never read). */
interface RawCell {
  readonly type: string | undefined;
  readonly v: Span | undefined;
  readonly inline: Span | undefined;
  /** The <f> element: its attributes' text and where its formula lies (empty for a shared formula's follower). */
  readonly f: (Span & { readonly tag: string }) | undefined;
}

/** An attribute's value in a start tag's text (the attributes read here, r t si, need no decoding). */
function attribute(tag: string, name: string): string | undefined {
  for (let at = tag.indexOf(`${name}=`); at >= 0; at = tag.indexOf(`${name}=`, at + 1)) {
    if (!/\s/.test(tag[at - 1] ?? "")) continue;
    const open = at + name.length + 1;
    const quote = tag[open];
    const close = tag.indexOf(quote, open + 1);
    return close < 0 ? undefined : tag.slice(open + 1, close);
  }
  return undefined;
}

/**
 * An element of a cell's XML (<f>, <v>, <is>): its attributes' text and where its content lies
 * in the part (`base` is where `cell` starts), empty for <v/>. Text cannot hold a raw "<", so
 * the first "<v" is the element.
 */
function element(cell: string, base: number, name: string): (Span & { tag: string }) | undefined {
  let at = cell.indexOf(`<${name}`);
  while (at >= 0 && /[\w:.-]/.test(cell[at + name.length + 1] ?? "")) at = cell.indexOf(`<${name}`, at + 1);
  if (at < 0) return undefined;
  const end = cell.indexOf(">", at);
  if (end < 0) return undefined;
  if (cell[end - 1] === "/") return { tag: cell.slice(at + name.length + 1, end - 1), start: base + end, end: base + end };
  const close = cell.indexOf(`</${name}>`, end);
  return { tag: cell.slice(at + name.length + 1, end), start: base + end + 1, end: base + (close < 0 ? cell.length : close) };
}

/**
 * Formulas decoded, by their bytes in the part (as latin1 text). Unit workbooks made from one catalogue hold the same formulas
 * row for row, and decoding one (UTF-8 and dozens of &quot;) costs more than the rest of its
 * cell: consolidating 300 files decodes each formula once. Emptied when full, so its memory
 * does not grow with the number of files.
 */
const formulaCache = new Map<string, string>();
const FORMULA_CACHE_SIZE = 1_024;
/**
 * After this many formulas in a row not seen before, a sheet stops looking its formulas up: they
 * are its own (a task register's 15,500 roadmap rows), and keying each would cost more than it saves.
 */
const MISSES_BEFORE_BYPASS = 256;

const ADDRESS = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/**
 * Cells parsed from a worksheet part; shared strings come from sharedStrings(). The markup is
 * ASCII, so the part is scanned as latin1 (a byte a character, no decoding of the whole part),
 * and only the texts of the cells asked for are decoded from UTF-8. What Excel would refuse or
 * have to repair (a cell beyond XFD or row 1,048,576, a number it does not read, an unknown cell
 * type, a string index past the shared strings) refuses the part with MalformedXml.
 */
export function parseSheet(data: Uint8Array, strings: readonly string[], codec: PartText, sheet = ""): SheetCells {
  const scanned = codec.latin1(data);
  const xml = canonicalXml(scanned);
  const part = xml === scanned ? data : codec.bytes(xml);
  const text = (span: Span | undefined) => (span === undefined ? undefined : codec.utf8(part, span.start, span.end));
  // A formula's bytes as its cache key: copied, not a slice of the scanned text, which a slice would keep alive.
  const bytesKey = (span: Span) => codec.latin1(part.subarray(span.start, span.end));
  const refuse = (make: { of: (sheet: string, ...rest: string[]) => Message }, ...rest: string[]) => new MalformedXml(make.of(sheet, ...rest));
  const raw = new Map<number, RawCell>();
  /** The first cell of each shared formula, by its index (si). */
  const masters = new Map<string, { row: number; column: number; formula: Span }>();
  const start = xml.indexOf("<sheetData");
  const end = xml.indexOf("</sheetData>", start);
  let row = -1;
  let column = -1;
  let rows = 0;
  let columns = 0;
  for (let at = start < 0 || end < 0 ? -1 : xml.indexOf("<", start + 1); at >= 0 && at < end; at = xml.indexOf("<", at + 1)) {
    if (startsElement(xml, at, "row")) {
      // <row r="8">: a row without r follows the previous one.
      const tagEnd = xml.indexOf(">", at);
      const r = attribute(xml.slice(at, tagEnd), "r");
      row = r === undefined ? row + 1 : INDEX.test(r) ? Number(r) - 1 : -1;
      if (row < 0 || row >= MAX_ROWS) throw refuse(sheetXmlMsg.outside, r ?? String(row + 1));
      column = -1;
      at = tagEnd;
    } else if (startsElement(xml, at, "c")) {
      const tagEnd = xml.indexOf(">", at);
      const tag = xml.slice(at, tagEnd);
      const ref = attribute(tag, "r");
      const address = ADDRESS.exec(ref ?? "");
      if (address) {
        row = Number(address[2]) - 1;
        column = columnIndex(address[1]);
      } else column += 1;
      // A cell without r past XFD has no A1 name: it is named by row and column number.
      if (!insideSheet(row, column)) throw refuse(sheetXmlMsg.outside, ref ?? `R${row + 1}C${column + 1}`);
      rows = Math.max(rows, row + 1);
      columns = Math.max(columns, column + 1);
      if (xml[tagEnd - 1] === "/") {
        at = tagEnd;
        continue; // <c r="B1" s="27"/>: formatted, empty
      }
      const close = xml.indexOf("</c>", tagEnd);
      const cellEnd = close < 0 || close > end ? end : close;
      const inner = xml.slice(tagEnd + 1, cellEnd);
      const f = element(inner, tagEnd + 1, "f");
      const type = attribute(tag, "t");
      const v = element(inner, tagEnd + 1, "v");
      if (type !== undefined && !CELL_TYPES.has(type)) throw refuse(sheetXmlMsg.badType, cellAddress(row, column), type.slice(0, 20));
      if (v !== undefined && (type === undefined || type === "n" || type === "s")) {
        const found = xml.slice(v.start, v.end);
        const index = Number(found);
        const valid = type === "s" ? INDEX.test(found) && index < strings.length : XSD_NUMBER.test(found) && Number.isFinite(Number(found));
        if (!valid) throw refuse(type === "s" ? sheetXmlMsg.badString : sheetXmlMsg.notANumber, cellAddress(row, column), found.slice(0, 40));
      }
      raw.set(row * MAX_COLUMNS + column, { type, v, inline: element(inner, tagEnd + 1, "is"), f });
      const si = f && attribute(f.tag, "si");
      if (f && si !== undefined && f.end > f.start && attribute(f.tag, "t") === "shared") masters.set(si, { row, column, formula: f });
      at = cellEnd;
    }
  }

  let misses = 0;
  const cachedFormula = (key: () => string, decode: () => string): string => {
    if (misses >= MISSES_BEFORE_BYPASS) return decode();
    const k = key();
    let formula = formulaCache.get(k);
    if (formula !== undefined) misses = 0;
    else {
      misses += 1;
      if (formulaCache.size >= FORMULA_CACHE_SIZE) formulaCache.clear();
      formula = decode();
      formulaCache.set(k, formula);
    }
    return formula;
  };
  const shifters = new Map<string, (rows: number, columns: number) => string>();
  const decode = (r: number, c: number, cell: RawCell): CellRead => {
    const value = cellValue(cell.type, text(cell.v), text(cell.inline), strings);
    const f = cell.f;
    if (f === undefined) return { value, formula: value };
    if (f.end > f.start) return { value, formula: cachedFormula(() => bytesKey(f), () => `=${xmlUnescape(text(f) ?? "")}`) };
    // A shared formula's follower: its master's formula moved to this cell.
    const si = attribute(f.tag, "si");
    const master = si === undefined ? undefined : masters.get(si);
    if (si === undefined || master === undefined || attribute(f.tag, "t") !== "shared") return { value, formula: value };
    // The master's formula is parsed once; each follower only joins its pieces (a register's
    // roadmap has thousands of followers of each master).
    let shift = shifters.get(si);
    if (shift === undefined) shifters.set(si, (shift = formulaShifter(xmlUnescape(text(master.formula) ?? ""))));
    return { value, formula: `=${shift(r - master.row, c - master.column)}` };
  };
  const decoded = new Map<number, CellRead>();
  const cellAt = (r: number, c: number): CellRead => {
    const key = r * MAX_COLUMNS + c;
    const done = decoded.get(key);
    if (done) return done;
    const cell = raw.get(key);
    if (cell === undefined) return EMPTY;
    const read = decode(r, c, cell);
    decoded.set(key, read);
    return read;
  };
  return {
    extent: { rows, columns },
    cell: cellAt,
    uncomputed(r, c) {
      const cell = raw.get(r * MAX_COLUMNS + c);
      // A shared formula's follower without a master is read as its value, as Excel would show it.
      return cell?.f !== undefined && cell.v === undefined && cell.type !== "inlineStr" && String(cellAt(r, c).formula).startsWith("=");
    },
  };
}
