import { absolute, cellAddress, parseCell, qualified, rangeAddress } from "../layout/addresses";
import type { Block, CellContent, FontSpec, SheetLayout, StyleSpec, ValidationSpec, WorkbookLayout } from "../layout/types";
import { assertExcelLimits } from "../layout/excelLimits";
import { formulaRuns } from "../layout/formulaRuns";
import { columnBreaksXml } from "./columnBreaks";
import { excelCellText, XML_FORBIDDEN } from "./xmlSafe";
import { zipChunks, zipParts, type ChunkDeflater } from "./zip";

/**
 * A light .xlsx writer: the consolidation written by `chitieu consolidate` (So sánh, Hạn mức,
 * Công khai), about 30,000 cells for 300 units, where ExcelJS took 1.5–2 s (and half a second to
 * load) to write what this writes in a tenth of that, and the unit workbooks `chitieu assign`
 * writes by the hundred, and the task register `chitieu workbook --tasks` writes (150,000 roadmap
 * rows at 5,000 tasks, beyond what ExcelJS can hold). It applies the layout as writeLayout.ts does through ExcelJS — a cell's
 * style starts as its column's font, and each of a style's font, fill, alignment, border and
 * number format replaces the one before; merged cells keep their style — and writes the same
 * parts: styles, shared strings, merges, widths and heights, frozen rows, print setup and print
 * names, page breaks, conditional formats and data bars (with the Excel 2010 extension
 * LibreOffice reads too), tables, validation, sheet protection (no password, as ExcelJS
 * writes `protect("")`) and, on sheets that ask for them, shared formulas for formula runs.
 */

interface Alignment {
  readonly horizontal?: string;
  readonly vertical?: string;
  readonly wrap?: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** Number formats Excel knows by id (as ExcelJS maps them); others are declared from 164 on. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49 };

// Characters XML 1.0 cannot hold are dropped (see xmlSafe.ts), and DEL, as ExcelJS drops it.
const XML_SPECIAL = new RegExp(`[<>&'"\u007f]|${XML_FORBIDDEN.source}`, "g");
const ESCAPES: Readonly<Record<string, string>> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };
const escape = (text: string) => text.replace(XML_SPECIAL, (c) => ESCAPES[c] ?? "");


const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** A cell's format as the layout leaves it; one object for every cell formatted alike. */
interface CellStyle {
  readonly font?: FontSpec;
  readonly fill?: string;
  readonly alignment?: Alignment;
  readonly border?: boolean;
  readonly numFmt?: string;
  readonly unlocked?: boolean;
}

/**
 * The cells of one column of a formula run, stored as a shared formula (<f t="shared">): its first
 * cell holds the formula, the others name it. One object for the whole column, so that a run of
 * 150,000 rows holds no formula text but its first row's.
 */
class SharedFormula {
  /** Its index in the sheet (si), given when its first cell is written, which comes first. */
  si = -1;
  constructor(
    readonly formula: string,
    readonly masterRow: number,
    readonly ref: string,
  ) {}
}

type Content = CellContent | SharedFormula;

/** One row's cells by column: a cell exists once it has a format (maybe the empty one). */
interface RowCells {
  readonly styles: (CellStyle | undefined)[];
  readonly contents: (Content | undefined)[];
}

const NO_STYLE: CellStyle = {};

/** Every cell of a range such as "A8:L25" or "D30", as 0-based row and column. */
function forEachCell(range: string, visit: (row: number, column: number) => void): void {
  const [start, end = start] = range.split(":");
  const a = parseCell(start);
  const b = parseCell(end);
  for (let row = a.row; row <= b.row; row++) for (let column = a.column; column <= b.column; column++) visit(row, column);
}

/**
 * The cells of one sheet as the layout leaves them, created the way ExcelJS creates them: a
 * format and a content per cell, the formats shared (a change of format maps each format it meets
 * to one new one), so that a register of 150,000 rows costs a few arrays a row.
 */
class SheetCells {
  readonly rows = new Map<number, RowCells>();
  private readonly columnStyle: CellStyle;
  constructor(columnFont: FontSpec, private readonly styledColumns: number) {
    this.columnStyle = { font: columnFont };
  }

  private row(row: number): RowCells {
    let cells = this.rows.get(row);
    if (cells === undefined) this.rows.set(row, (cells = { styles: [], contents: [] }));
    return cells;
  }

  /** The cell's row, its format made the column's when it did not exist. */
  private touch(row: number, column: number): RowCells {
    const cells = this.row(row);
    if (cells.styles[column] === undefined) cells.styles[column] = column < this.styledColumns ? this.columnStyle : NO_STYLE;
    return cells;
  }

  content(row: number, column: number): Content | undefined {
    return this.rows.get(row)?.contents[column];
  }

  setContent(row: number, column: number, content: Content): void {
    this.touch(row, column).contents[column] = content;
  }

  /** Changes every cell's format of the range by `change`, each format met mapped once. */
  private restyle(range: string, change: (had: CellStyle) => CellStyle): void {
    const changed = new Map<CellStyle, CellStyle>();
    forEachCell(range, (row, column) => {
      const cells = this.touch(row, column);
      const had = cells.styles[column] as CellStyle;
      let style = changed.get(had);
      if (style === undefined) changed.set(had, (style = change(had)));
      cells.styles[column] = style;
    });
  }

  style(range: string, style: StyleSpec | undefined, unlocked: boolean | undefined): void {
    // As writeLayout.ts (and Office.js) set a format: only the properties given, so a block's style
    // keeps the wrap or bold a range style gave its cells before it.
    const aligns = style !== undefined && Boolean(style.horizontal || style.vertical || style.wrap);
    this.restyle(range, (had) => {
      const next: { -readonly [K in keyof CellStyle]: CellStyle[K] } = { ...had };
      if (style?.font) {
        const { color, ...rest } = style.font;
        next.font = { ...had.font, ...rest, ...(color ? { color } : {}) };
      }
      if (style?.fill) next.fill = style.fill;
      if (aligns && style) {
        next.alignment = {
          ...had.alignment,
          ...(style.horizontal ? { horizontal: style.horizontal } : {}),
          ...(style.vertical ? { vertical: style.vertical } : {}),
          ...(style.wrap ? { wrap: true } : {}),
        };
      }
      if (style?.border) next.border = true;
      if (style?.numberFormat) next.numFmt = style.numberFormat;
      if (unlocked) next.unlocked = true;
      return next;
    });
  }

  numberFormat(row: number, column: number, numFmt: string): void {
    const cells = this.touch(row, column);
    cells.styles[column] = { ...(cells.styles[column] as CellStyle), numFmt };
  }

  block(block: Block, shareFormulas: boolean): void {
    const start = parseCell(block.at);
    const run = block.run;
    if (run !== undefined) {
      // A run stated once: its first row written, every row below it the run's follower.
      run.formulas.forEach((formula, c) => {
        const column = start.column + c;
        if (run.rows < 2) return this.setContent(start.row, column, { formula });
        const shared = new SharedFormula(formula, start.row, `${cellAddress(start.row, column)}:${cellAddress(start.row + run.rows - 1, column)}`);
        for (let r = 0; r < run.rows; r++) this.setContent(start.row + r, column, shared);
      });
    } else {
      block.cells.forEach((row, r) => row.forEach((content, c) => this.setContent(start.row + r, start.column + c, content)));
      // Runs found in a block of rows, as the ExcelJS writer stores them (writeLayout.ts, sharedMasters).
      if (shareFormulas && !block.mergeTo) {
        for (const found of formulaRuns(block.cells)) {
          for (let c = found.column; c < found.column + found.columns; c++) {
            const column = start.column + c;
            const formula = (block.cells[found.row][c] as { formula: string }).formula;
            const first = start.row + found.row;
            const shared = new SharedFormula(formula, first, `${cellAddress(first, column)}:${cellAddress(first + found.rows - 1, column)}`);
            for (let r = 0; r < found.rows; r++) this.setContent(first + r, column, shared);
          }
        }
      }
    }
    const height = run?.rows ?? block.cells.length;
    const width = run?.formulas.length ?? block.cells[0]?.length ?? 1;
    const range = block.mergeTo ? `${block.at}:${block.mergeTo}` : rangeAddress(block.at, height, width);
    this.style(range, block.style, block.unlocked);
    if (block.mergeTo) {
      // The merged cells take the first cell's style and lose their content, as ExcelJS gives them.
      const first = this.rows.get(start.row)?.styles[start.column] as CellStyle;
      forEachCell(range, (row, column) => {
        if (row === start.row && column === start.column) return;
        const cells = this.rows.get(row);
        if (cells === undefined || cells.styles[column] === undefined) return;
        cells.styles[column] = first;
        cells.contents[column] = undefined;
      });
    }
  }
}

/** A list of XML items, each kept once, by index. */
class Pool {
  readonly items: string[];
  private readonly index = new Map<string, number>();
  constructor(first: readonly string[]) {
    this.items = [...first];
    this.items.forEach((item, i) => this.index.set(item, i));
  }

  copy(): Pool {
    return new Pool(this.items);
  }

  id(xml: string): number {
    let id = this.index.get(xml);
    if (id === undefined) {
      id = this.items.push(xml) - 1;
      this.index.set(xml, id);
    }
    return id;
  }
}

/** styles.xml built as cells ask for their formats: fonts, fills, borders, number formats, cell formats, differential formats. */
class Styles {
  constructor(
    private readonly fonts = new Pool(['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']),
    private readonly fills = new Pool(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']),
    private readonly borders = new Pool(["<border><left/><right/><top/><bottom/><diagonal/></border>"]),
    private readonly numFmts = new Pool([]),
    private readonly xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']),
    private readonly dxfs: string[] = [],
  ) {}

  /** The same formats, to go on with apart (the cache by objects starts empty: it keys the layout's own objects). */
  copy(): Styles {
    return new Styles(this.fonts.copy(), this.fills.copy(), this.borders.copy(), this.numFmts.copy(), this.xfs.copy(), [...this.dxfs]);
  }

  private font(font: FontSpec): number {
    const xml =
      "<font>" +
      (font.bold ? "<b/>" : "") +
      (font.italic ? "<i/>" : "") +
      (font.underline ? "<u/>" : "") +
      (font.color ? `<color rgb="${argb(font.color)}"/>` : "") +
      (font.size !== undefined ? `<sz val="${font.size}"/>` : "") +
      (font.name !== undefined ? `<name val="${escape(font.name)}"/>` : "") +
      "</font>";
    return this.fonts.id(xml);
  }

  private numFmt(code: string): number {
    return BUILT_IN_FORMATS[code] ?? 164 + this.numFmts.id(escape(code));
  }

  /** Cell formats by font and alignment objects, then the rest: building a format's XML for each of 30,000 cells was half the writing. */
  private readonly known = new Map<FontSpec | undefined, Map<Alignment | undefined, Map<string, number>>>();

  private readonly byStyle = new Map<CellStyle, number>();

  /** The cell format index of a cell's style; 0 for none. */
  xf(cell: CellStyle): number {
    const known = this.byStyle.get(cell);
    if (known !== undefined) return known;
    let byAlignment = this.known.get(cell.font);
    if (byAlignment === undefined) this.known.set(cell.font, (byAlignment = new Map()));
    let byRest = byAlignment.get(cell.alignment);
    if (byRest === undefined) byAlignment.set(cell.alignment, (byRest = new Map()));
    const key = `${cell.fill}|${cell.border}|${cell.numFmt}|${cell.unlocked}`;
    let id = byRest.get(key);
    if (id === undefined) {
      id = this.newXf(cell);
      byRest.set(key, id);
    }
    this.byStyle.set(cell, id);
    return id;
  }

  private newXf(cell: CellStyle): number {
    const numFmtId = cell.numFmt === undefined ? 0 : this.numFmt(cell.numFmt);
    const fontId = cell.font ? this.font(cell.font) : 0;
    const fillId = cell.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(cell.fill)}"/></patternFill></fill>`) : 0;
    const borderId = cell.border
      ? this.borders.id(`<border>${["left", "right", "top", "bottom"].map((side) => `<${side} style="thin"><color rgb="FF808080"/></${side}>`).join("")}<diagonal/></border>`)
      : 0;
    const a = cell.alignment;
    const alignment = a
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ""}${a.vertical ? ` vertical="${a.vertical}"` : ""}${a.wrap ? ' wrapText="1"' : ""}/>`
      : "";
    const protection = cell.unlocked ? '<protection locked="0"/>' : "";
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ' applyAlignment="1"' : "") +
      (protection ? ' applyProtection="1"' : "");
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return this.xfs.id(alignment || protection ? `${head}>${alignment}${protection}</xf>` : `${head}/>`);
  }

  /** A differential format for a conditional format: font colour and boldness, fill. */
  dxf(fontColor: string | undefined, bold: boolean | undefined, fill: string | undefined): number {
    const font = `<font>${bold ? "<b/>" : ""}${fontColor ? `<color rgb="${argb(fontColor)}"/>` : ""}</font>`;
    this.dxfs.push(`<dxf>${font}${fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill>` : ""}</dxf>`);
    return this.dxfs.length - 1;
  }

  xml(): string {
    const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const numFmts = this.numFmts.items.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${code}"/>`);
    return (
      `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
      (numFmts.length > 0 ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs) +
      "</styleSheet>"
    );
  }
}

class SharedStrings {
  constructor(
    private readonly strings: string[] = [],
    private readonly index = new Map<string, number>(),
    private count = 0,
  ) {}

  copy(): SharedStrings {
    return new SharedStrings(this.strings.slice(), new Map(this.index), this.count);
  }

  id(text: string): number {
    this.count += 1;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.index.set(text, id);
    }
    return id;
  }

  xml(): string {
    const items = this.strings.map((s) => `<si><t${/^\s|\n|\s$/.test(s) ? ' xml:space="preserve"' : ""}>${escape(excelCellText(s))}</t></si>`);
    return `${DECLARATION}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.strings.length}">${items.join("")}</sst>`;
  }
}

/**
 * Formulas as a sheet's XML holds them, by their text: `chitieu assign` writes the same lookups in
 * every unit's own sheet (three quarters of its bytes), escaped once here. Emptied when full.
 */
const FORMULA_XML = new Map<string, string>();
const KEPT_FORMULA_XML = 4_096;

function formulaXml(formula: string): string {
  let xml = FORMULA_XML.get(formula);
  if (xml === undefined) {
    if (FORMULA_XML.size >= KEPT_FORMULA_XML) FORMULA_XML.clear();
    FORMULA_XML.set(formula, (xml = escape(formula.replace(/^=/, ""))));
  }
  return xml;
}

function cellXml(ref: string, row: number, cell: CellStyle, content: Content | undefined, styles: Styles, strings: SharedStrings, shared: { next: number }): string {
  const s = styles.xf(cell);
  const style = s ? ` s="${s}"` : "";
  if (content === undefined) return s ? `<c r="${ref}"${style}/>` : "";
  if (content instanceof SharedFormula) {
    if (content.masterRow !== row) return `<c r="${ref}"${style}><f t="shared" si="${content.si}"/></c>`;
    content.si = shared.next++;
    return `<c r="${ref}"${style}><f t="shared" ref="${content.ref}" si="${content.si}">${escape(content.formula.replace(/^=/, ""))}</f></c>`;
  }
  if ("formula" in content) return `<c r="${ref}"${style}><f>${formulaXml(content.formula)}</f></c>`;
  const value = content.value;
  if (value === null) return s ? `<c r="${ref}"${style}/>` : "";
  if (typeof value === "string") return `<c r="${ref}"${style} t="s"><v>${strings.id(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`;
  throw new TypeError(`Ô ${ref}: giá trị phải là số hoặc chữ.`);
}

/** Main rule and its Excel 2010 twin, tied by an id: a solid bar from `min` to `max`. */
function dataBarIds(sheetIndex: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `{00000000-0000-4000-8000-${String(sheetIndex + 1).padStart(4, "0")}${String(i + 1).padStart(8, "0")}}`);
}

/** A table part: its header names are the header cells' texts, as Excel requires. */
function tableXml(id: number, name: string, range: string, style: string, cells: SheetCells): string {
  const [start, end] = range.split(":");
  const a = parseCell(start);
  const b = parseCell(end);
  const names = Array.from({ length: b.column - a.column + 1 }, (_, c) => {
    const content = cells.content(a.row, a.column + c);
    return content !== undefined && !(content instanceof SharedFormula) && "value" in content && content.value !== null ? String(content.value) : "";
  });
  return (
    `${DECLARATION}<table xmlns="${MAIN}" id="${id}" name="${escape(name)}" displayName="${escape(name)}" ref="${range}" totalsRowShown="0" headerRowCount="1">` +
    `<autoFilter ref="${range}"/><tableColumns count="${names.length}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${escape(n)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="${escape(style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A validation as ExcelJS writes it: a list typed in place is quoted, "between" is the default operator. */
function validationXml(spec: ValidationSpec): string {
  const rule = spec.rule;
  const bare = (f: string) => f.replace(/^=/, "");
  const [type, operator, formulas] =
    rule.kind === "list"
      ? ["list", undefined, [rule.source.startsWith("=") ? rule.source.slice(1) : `"${rule.source}"`]]
      : rule.kind === "decimal"
        ? ["decimal", rule.operator === "between" ? undefined : rule.operator, [rule.formula1, ...(rule.formula2 ? [rule.formula2] : [])].map(bare)]
        : ["custom", undefined, [bare(rule.formula)]];
  return (
    `<dataValidation type="${type}"${operator ? ` operator="${operator}"` : ""} allowBlank="1" showErrorMessage="1" errorStyle="stop"` +
    `${spec.errorTitle ? ` errorTitle="${escape(spec.errorTitle)}"` : ""}${spec.errorMessage ? ` error="${escape(spec.errorMessage)}"` : ""} sqref="${spec.range}">` +
    formulas.map((f, i) => `<formula${i + 1}>${escape(f)}</formula${i + 1}>`).join("") +
    "</dataValidation>"
  );
}

/**
 * Text encoded as it comes, in chunks of about a megabyte of text. Encoded a few thousand
 * characters at a time: joining a hundred kilobytes of Vietnamese text into one string and
 * encoding it took eight times as long (V8 allocates such strings apart), half the time of a unit
 * sheet for `chitieu assign`.
 */
class Utf8Chunks {
  private readonly chunks: Uint8Array[] = [];
  /** Encoded since the last chunk, and its length in characters. */
  private encoded: Uint8Array[] = [];
  private length = 0;
  private pending: string[] = [];
  private pendingLength = 0;

  add(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.length + this.pendingLength >= 1 << 20) this.flush();
    else if (this.pendingLength >= 1 << 14) this.encode();
  }

  private encode(): void {
    if (this.pendingLength > 0) this.encoded.push(utf8(this.pending.join("")));
    this.length += this.pendingLength;
    this.pending = [];
    this.pendingLength = 0;
  }

  private flush(): void {
    this.encode();
    if (this.length > 0) this.chunks.push(joined(this.encoded));
    this.encoded = [];
    this.length = 0;
  }

  /** The part's bytes between `head` and `tail`: one buffer when it never reached a megabyte. */
  end(head: string, tail: string): Uint8Array[] {
    if (this.chunks.length === 0) {
      this.encode();
      return [joined([utf8(head), ...this.encoded, utf8(tail)])];
    }
    this.flush();
    return [utf8(head), ...this.chunks, utf8(tail)];
  }
}

/** Byte arrays one after the other, in one. */
function joined(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

interface RenderedSheet {
  /** The part's bytes, in chunks. */
  readonly xml: readonly Uint8Array[];
  /** Its table parts, numbered across the workbook from `firstTable`. */
  readonly tables: readonly string[];
}

function sheetXml(sheet: SheetLayout, sheetIndex: number, styles: Styles, strings: SharedStrings, firstTable: number): RenderedSheet {
  const cells = new SheetCells({ name: sheet.font.name, size: sheet.font.size }, sheet.columnWidths.length);
  for (const range of sheet.rangeStyles) cells.style(range.range, range.style, range.unlocked);
  for (const spec of sheet.numberFormats) {
    const start = parseCell(spec.range.split(":")[0]);
    spec.formats.forEach((row, r) => row.forEach((numFmt, c) => cells.numberFormat(start.row + r, start.column + c, numFmt)));
  }
  for (const block of sheet.blocks) cells.block(block, sheet.sharedFormulas === true);

  const heights = new Map((sheet.rowHeights ?? []).map(({ row, height }) => [row - 1, height]));
  const rowNumbers = [...new Set([...cells.rows.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const columnStyle = styles.xf({ font: { name: sheet.font.name, size: sheet.font.size } });
  // Rows go out as they are written, a few hundred kilobytes at a time: a register's roadmap is
  // a hundred megabytes of XML, never held as one string.
  const rows = new Utf8Chunks();
  const shared = { next: 0 };
  for (const row of rowNumbers) {
    const height = heights.get(row);
    const rowCells = cells.rows.get(row);
    let body = "";
    if (rowCells !== undefined) {
      const { styles: rowStyles, contents } = rowCells;
      for (let column = 0; column < rowStyles.length; column++) {
        const style = rowStyles[column];
        if (style !== undefined) body += cellXml(cellAddress(row, column), row, style, contents[column], styles, strings, shared);
      }
    }
    rows.add(`<row r="${row + 1}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}${body ? `>${body}</row>` : "/>"}`);
  }
  let minRow = Infinity, maxRow = -1, minColumn = Infinity, maxColumn = -1;
  for (const [row, rowCells] of cells.rows) {
    const first = rowCells.styles.findIndex((style) => style !== undefined);
    if (first < 0) continue;
    minRow = Math.min(minRow, row);
    maxRow = Math.max(maxRow, row);
    minColumn = Math.min(minColumn, first);
    maxColumn = Math.max(maxColumn, rowCells.styles.length - 1);
  }

  const print = sheet.print;
  const fitToPage = print !== undefined && print.scale === undefined;
  const freeze = sheet.freezeRows;
  const merges = sheet.blocks.filter((b) => b.mergeTo).map((b) => `<mergeCell ref="${b.at}:${b.mergeTo}"/>`);
  const bars = sheet.dataBars ?? [];
  const ids = dataBarIds(sheetIndex, bars.length);
  const conditional = [
    ...sheet.conditionalFormats.map(
      (spec) =>
        `<conditionalFormatting sqref="${spec.range}"><cfRule type="expression" dxfId="${styles.dxf(spec.fontColor, spec.bold, spec.fill)}" priority="1"><formula>${escape(spec.formula)}</formula></cfRule></conditionalFormatting>`,
    ),
    ...bars.map(
      (bar, i) =>
        `<conditionalFormatting sqref="${bar.range}"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="num" val="${bar.min}"/><cfvo type="num" val="${bar.max}"/><color rgb="${argb(bar.color)}"/></dataBar>` +
        `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${ids[i]}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
    ),
  ];
  const barsExtension =
    bars.length === 0
      ? ""
      : `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>` +
        bars
          .map(
            (bar, i) =>
              `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="${ids[i]}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
              `<x14:cfvo type="num"><xm:f>${bar.min}</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>${bar.max}</xm:f></x14:cfvo></x14:dataBar></x14:cfRule><xm:sqref>${bar.range}</xm:sqref></x14:conditionalFormatting>`,
          )
          .join("") +
        "</x14:conditionalFormattings></ext></extLst>";
  const breaks = sheet.pageBreaks ?? [];
  const tables = sheet.tables.map((t, i) => tableXml(firstTable + i, t.name, t.range, t.style, cells));

  const head =
    `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    (fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    (maxRow >= 0 ? `<dimension ref="${cellAddress(minRow, minColumn)}:${cellAddress(maxRow, maxColumn)}"/>` : "") +
    (freeze
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
      : "") +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (sheet.columnWidths.length > 0
      ? `<cols>${sheet.columnWidths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" style="${columnStyle}" customWidth="1"/>`).join("")}</cols>`
      : "") +
    "<sheetData>";
  const tail =
    "</sheetData>" +
    (sheet.protect ? '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>' : "") +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
    conditional.join("") +
    (sheet.validations.length > 0 ? `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join("")}</dataValidations>` : "") +
    (print
      ? (print.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : "") +
        `<pageMargins left="${print.margins.left}" right="${print.margins.right}" top="${print.margins.top}" bottom="${print.margins.bottom}" header="0.3" footer="0.3"/>` +
        // A4 is paper size 9; fitToHeight written explicitly: a missing one means 1 page tall to Excel and LibreOffice.
        `<pageSetup paperSize="9" orientation="${print.orientation}"${print.scale !== undefined ? ` scale="${print.scale}"` : ` fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"`}/>` +
        `<headerFooter>${print.headerCenter ? `<oddHeader>${escape(`&C${print.headerCenter}`)}</oddHeader>` : ""}<oddFooter>${escape(`&C${print.footerCenter}`)}</oddFooter></headerFooter>`
      : // Excel's own defaults, as ExcelJS writes them on a sheet without a print setup.
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait"/>') +
    // A row break is written after its row.
    (breaks.length > 0 ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>` : "") +
    columnBreaksXml(sheet.columnBreaks ?? []) +
    (tables.length > 0 ? `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>` : "") +
    barsExtension +
    "</worksheet>";
  return { xml: rows.end(head, tail), tables };
}

/** The print area and title rows and columns, as Excel names them (local to their sheet): titles as 'S'!$A:$C,'S'!$4:$6. */
function printNames(sheet: SheetLayout, index: number): string[] {
  const print = sheet.print;
  if (!print) return [];
  const titles = [print.titleColumns, print.titleRows].flatMap((range) =>
    range === undefined ? [] : [qualified(sheet.name, range.replace(/\$/g, "").split(":").map((end) => `$${end}`).join(":"))],
  );
  return [
    `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escape(qualified(sheet.name, absolute(print.area)))}</definedName>`,
    ...(titles.length > 0 ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escape(titles.join(","))}</definedName>`] : []),
  ];
}

// TextEncoder, not Buffer: the pane writes the units' workbooks with this writer too (in the browser).
const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

/** What rendering a sheet leaves behind: its parts, and the workbook's formats, strings and table count after it. */
interface Rendered {
  /** Its place in the workbook: a sheet is kept at its place. */
  readonly index: number;
  readonly xml: readonly Uint8Array[];
  readonly tables: readonly Uint8Array[];
  readonly styles: Styles;
  readonly strings: SharedStrings;
  readonly tableCount: number;
  /** The sheet before it (in render order, the one after it in the workbook), by identity. */
  readonly before: WeakMap<SheetLayout, Rendered>;
}

/**
 * Writes .xlsx files, rendering a sheet only once for all the workbooks it writes that hold it
 * (`chitieu assign` writes hundreds of unit workbooks whose sheets are the same objects but the
 * unit's own: see KeptSheets): sheets are rendered from the last to the first, each continuing the
 * formats and strings the sheets after it left, so a workbook whose last sheets are those of one
 * written before (the same objects at the same places) takes their parts as they were. The first
 * sheet is never kept. Layouts are data never changed once built: a sheet is known by identity.
 */
export class SheetsXlsxWriter {
  private readonly rendered = new WeakMap<SheetLayout, Rendered>();

  /** `deflate`: how parts are deflated (fflate unless given: the CLI gives node's zlib). */
  constructor(private readonly deflate?: ChunkDeflater) {}

  /** The .xlsx file's bytes; it asks Excel to recalculate on open. */
  write(layout: WorkbookLayout): Uint8Array {
    const count = layout.sheets.length;
    // The sheets after the last one not rendered before: already checked against Excel's limits.
    const rendered: Rendered[] = [];
    let level = this.rendered;
    let next = count - 1;
    for (; next > 0; next--) {
      const found = level.get(layout.sheets[next]);
      if (found === undefined || found.index !== next) break;
      rendered[next] = found;
      level = found.before;
    }
    assertExcelLimits({ sheets: layout.sheets.slice(0, next + 1), names: layout.names });
    let done = rendered[next + 1] as Rendered | undefined;
    for (let i = next; i >= 0; i--) {
      const styles = done ? done.styles.copy() : new Styles();
      const strings = done ? done.strings.copy() : new SharedStrings();
      const tableCount = done?.tableCount ?? 0;
      const sheet = sheetXml(layout.sheets[i], i, styles, strings, tableCount + 1);
      done = { index: i, xml: sheet.xml, tables: sheet.tables.map(utf8), styles, strings, tableCount: tableCount + sheet.tables.length, before: new WeakMap() };
      if (i > 0) level.set(layout.sheets[i], done);
      level = done.before;
      rendered[i] = done;
    }
    const last = done as Rendered | undefined;
    return packageParts(layout, rendered, last?.styles ?? new Styles(), last?.strings ?? new SharedStrings(), this.deflate);
  }
}

/** The .xlsx file's bytes of one layout; it asks Excel to recalculate on open. */
export function writeSheetsXlsx(layout: WorkbookLayout, deflate?: ChunkDeflater): Uint8Array {
  return new SheetsXlsxWriter(deflate).write(layout);
}

function packageParts(layout: WorkbookLayout, sheets: readonly Rendered[], styles: Styles, strings: SharedStrings, deflate: ChunkDeflater | undefined): Uint8Array {
  const names = [
    ...layout.sheets.flatMap(printNames),
    ...layout.names.map((name) => `<definedName name="${escape(name.name)}">${escape(qualified(name.sheet, name.ref))}</definedName>`),
  ];
  const workbook =
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
    layout.sheets.map((sheet, i) => `<sheet name="${escape(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join("") +
    "</sheets>" +
    (names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : "") +
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>';
  const relationship = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const relationships = (items: string) => `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}">${items}</Relationships>`;
  const workbookRels = relationships(
    relationship("rId1", "styles", "styles.xml") +
      relationship("rId2", "sharedStrings", "sharedStrings.xml") +
      layout.sheets.map((_, i) => relationship(`rId${i + 3}`, "worksheet", `worksheets/sheet${i + 1}.xml`)).join(""),
  );
  // Table parts are numbered in the order the sheets were rendered: sheet i's first is after those of the sheets after it.
  const tableNumber = (i: number, t: number) => (sheets[i].tableCount - sheets[i].tables.length) + t + 1;
  const tableParts = sheets.flatMap((sheet, i) => sheet.tables.map((data, t) => ({ name: `xl/tables/table${tableNumber(i, t)}.xml`, data })));
  const contentTypes =
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE}.sheet.main+xml"/>` +
    layout.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CONTENT_TYPE}.worksheet+xml"/>`).join("") +
    tableParts.map((t) => `<Override PartName="/${t.name}" ContentType="${CONTENT_TYPE}.table+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT_TYPE}.sharedStrings+xml"/></Types>`;
  const sheetRels = sheets.flatMap((sheet, i) =>
    sheet.tables.length === 0
      ? []
      : [
          {
            name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
            data: utf8(relationships(sheet.tables.map((_, t) => relationship(`rId${t + 1}`, "table", `../tables/table${tableNumber(i, t)}.xml`)).join(""))),
          },
        ],
  );
  const parts: { name: string; data: Uint8Array | readonly Uint8Array[] }[] = [
    { name: "[Content_Types].xml", data: utf8(contentTypes) },
    { name: "_rels/.rels", data: utf8(relationships(relationship("rId1", "officeDocument", "xl/workbook.xml"))) },
    { name: "xl/workbook.xml", data: utf8(workbook) },
    { name: "xl/_rels/workbook.xml.rels", data: utf8(workbookRels) },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet.xml })),
    ...sheetRels,
    ...tableParts,
    { name: "xl/styles.xml", data: utf8(styles.xml()) },
    { name: "xl/sharedStrings.xml", data: utf8(strings.xml()) },
  ];
  // A sheet rendered in chunks (a register's) is deflated chunk by chunk; other files as before.
  const whole = parts.flatMap(({ name, data }) => (data instanceof Uint8Array ? [{ name, data }] : data.length === 1 ? [{ name, data: data[0] }] : []));
  return whole.length === parts.length ? zipParts(whole, "deflate", deflate) : zipChunks(parts.map(({ name, data }) => ({ name, chunks: data instanceof Uint8Array ? [data] : data })), deflate);
}
