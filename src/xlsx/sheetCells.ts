import { columnIndex } from "../layout/addresses";
import { shiftFormula } from "../layout/shiftFormula";
import { cellText, runsText, xmlUnescape } from "./xmlText";

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
}

/** Decoders made when first needed, so importing this module needs no TextDecoder. */
let decoders: { utf8: TextDecoder; latin1: TextDecoder } | undefined;
const decoder = () => (decoders ??= { utf8: new TextDecoder("utf-8"), latin1: new TextDecoder("latin1") });

/** The codec of any platform with TextDecoder (the browser). */
export const TEXT_DECODER: PartText = {
  latin1: (bytes) => decoder().latin1.decode(bytes),
  utf8: (bytes, start, end) => decoder().utf8.decode(start === undefined ? bytes : bytes.subarray(start, end)),
};

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
 * Formulas decoded, by their bytes in the part (as latin1 text) and, for a shared formula's
 * follower, by how far it moved. Unit workbooks made from one catalogue hold the same formulas
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
const startsElement = (xml: string, at: number, name: string) => xml.startsWith(name, at + 1) && /[\s/>]/.test(xml[at + 1 + name.length] ?? "");

/**
 * Cells parsed from a worksheet part; shared strings come from sharedStrings(). The markup is
 * ASCII, so the part is scanned as latin1 (a byte a character, no decoding of the whole part),
 * and only the texts of the cells asked for are decoded from UTF-8.
 */
export function parseSheet(part: Uint8Array, strings: readonly string[], codec: PartText): SheetCells {
  const xml = codec.latin1(part);
  const text = (span: Span | undefined) => (span === undefined ? undefined : codec.utf8(part, span.start, span.end));
  // A formula's bytes as its cache key: copied, not a slice of the scanned text, which a slice would keep alive.
  const bytesKey = (span: Span) => codec.latin1(part.subarray(span.start, span.end));
  const raw = new Map<number, RawCell>();
  /** The first cell of each shared formula, by its index (si). */
  const masters = new Map<string, { row: number; column: number; formula: Span }>();
  const start = xml.indexOf("<sheetData");
  const end = xml.indexOf("</sheetData>", start);
  let row = -1;
  let column = -1;
  for (let at = start < 0 || end < 0 ? -1 : xml.indexOf("<", start + 1); at >= 0 && at < end; at = xml.indexOf("<", at + 1)) {
    if (startsElement(xml, at, "row")) {
      // <row r="8">: a row without r follows the previous one.
      const tagEnd = xml.indexOf(">", at);
      const r = attribute(xml.slice(at, tagEnd), "r");
      row = r === undefined ? row + 1 : Number(r) - 1;
      column = -1;
      at = tagEnd;
    } else if (startsElement(xml, at, "c")) {
      const tagEnd = xml.indexOf(">", at);
      const tag = xml.slice(at, tagEnd);
      const address = ADDRESS.exec(attribute(tag, "r") ?? "");
      if (address) {
        row = Number(address[2]) - 1;
        column = columnIndex(address[1]);
      } else column += 1;
      if (xml[tagEnd - 1] === "/") {
        at = tagEnd;
        continue; // <c r="B1" s="27"/>: formatted, empty
      }
      const close = xml.indexOf("</c>", tagEnd);
      const cellEnd = close < 0 || close > end ? end : close;
      const inner = xml.slice(tagEnd + 1, cellEnd);
      const f = element(inner, tagEnd + 1, "f");
      raw.set(row * KEY_COLUMNS + column, { type: attribute(tag, "t"), v: element(inner, tagEnd + 1, "v"), inline: element(inner, tagEnd + 1, "is"), f });
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
  const decode = (r: number, c: number, cell: RawCell): CellRead => {
    const value = cellValue(cell.type, text(cell.v), text(cell.inline), strings);
    const f = cell.f;
    if (f === undefined) return { value, formula: value };
    if (f.end > f.start) return { value, formula: cachedFormula(() => bytesKey(f), () => `=${xmlUnescape(text(f) ?? "")}`) };
    // A shared formula's follower: its master's formula moved to this cell.
    const si = attribute(f.tag, "si");
    const master = si === undefined ? undefined : masters.get(si);
    if (master === undefined || attribute(f.tag, "t") !== "shared") return { value, formula: value };
    const rows = r - master.row;
    const columns = c - master.column;
    const key = () => `${rows},${columns}\u0000${bytesKey(master.formula)}`;
    return { value, formula: cachedFormula(key, () => `=${shiftFormula(xmlUnescape(text(master.formula) ?? ""), rows, columns)}`) };
  };
  const decoded = new Map<number, CellRead>();
  return {
    cell(r, c) {
      const key = r * KEY_COLUMNS + c;
      const done = decoded.get(key);
      if (done) return done;
      const cell = raw.get(key);
      if (cell === undefined) return EMPTY;
      const read = decode(r, c, cell);
      decoded.set(key, read);
      return read;
    },
  };
}
