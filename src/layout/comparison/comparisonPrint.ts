/**
 * How "So sánh" prints (issue 16 §3). Fitted to one page wide, 18 indicators × 4 measures (82
 * columns) printed at about 2 pt. Instead the sheet prints at a fixed scale, as many pages across
 * and down as it takes: the unit's number, name and kind repeat left of every page (title columns)
 * and the three header rows on top of every page (title rows), under the sheet's title as the page
 * header (the title and note rows above the table are not printed: merged over the first page's
 * columns, their part in the title columns would print cut on every page). Manual column breaks keep an
 * indicator's four measures on one page (its merged name would otherwise be cut at the edge) and
 * start each group of indicators on a new page; the pages come in Excel's default order, down then
 * over, so that all units of a group's indicators are read before the next indicators.
 */
import { columnLetter } from "../addresses";
import { rowHeight, tailBreak } from "../print";
import { FONT } from "../schema";
import { a4Print } from "../styles";
import type { PrintSpec } from "../types";

/** The columns repeated left of every page: TT, Đơn vị, Loại đơn vị. */
export const COMPARISON_TITLE_COLUMNS = 3;

/**
 * 95 %: the sheet's 12 pt prints at 11,4 pt, readable for the officials who read it; it leaves room
 * for two indicators beside the title columns on an A4 landscape page in Excel and LibreOffice
 * alike (100 % fits them in Excel only), and three indicators would need 75 % (9 pt).
 */
export const COMPARISON_PRINT_SCALE = 95;

/**
 * A column's printed width, at the widest conversion in use: LibreOffice measuring Calibri's digit
 * with Liberation Serif (src/cli/libreoffice.ts), wider than Excel's 7 px of Calibri 11 plus 5 px padding.
 */
const PRINTED_POINTS_PER_WIDTH_UNIT = 5.5;
const PRINTED_COLUMN_PADDING = 4;
const A4_LANDSCAPE_WIDTH = 841.89;

export interface ComparisonPrint {
  readonly print: PrintSpec;
  /** Columns (1-based) that start a page across. */
  readonly columnBreaks: readonly number[];
  /** Where a note printed once goes: right of the title columns to the end of the first page (1-based columns). */
  readonly once: { readonly from: number; readonly to: number };
}

/** The shape of the sheet the print setup is made for. */
export interface ComparisonShape {
  /** Every column's width. */
  readonly widths: readonly number[];
  /** Columns before the indicators. */
  readonly fixed: number;
  /** The number of indicators of each group, in order. */
  readonly groupSizes: readonly number[];
  /** Columns per indicator. */
  readonly measures: number;
  /** The header rows (repeated) and the last row printed. */
  readonly headerRows: { readonly first: number; readonly last: number };
  readonly lastRow: number;
}

/** The print setup of So sánh, with `title` printed on top of every page. */
export function comparisonPrint(shape: ComparisonShape, title: string): ComparisonPrint {
  const { widths, fixed, groupSizes, measures, headerRows } = shape;
  const last = widths.length;
  const print: PrintSpec = {
    ...a4Print("landscape", `A${headerRows.first}:${columnLetter(last - 1)}${shape.lastRow}`, `$${headerRows.first}:$${headerRows.last}`),
    scale: COMPARISON_PRINT_SCALE,
    titleColumns: `$A:$${columnLetter(COMPARISON_TITLE_COLUMNS - 1)}`,
    // "&" starts a code in a header: doubled, it prints as itself.
    headerCenter: `&"${FONT},Bold"&13${title.replace(/&/g, "&&")}`,
  };
  const points = (from: number, count: number) =>
    widths.slice(from - 1, from - 1 + count).reduce((sum, w) => sum + w * PRINTED_POINTS_PER_WIDTH_UNIT + PRINTED_COLUMN_PADDING, 0);
  const page = (A4_LANDSCAPE_WIDTH - (print.margins.left + print.margins.right) * 72) / (COMPARISON_PRINT_SCALE / 100);
  const room = page - points(1, COMPARISON_TITLE_COLUMNS);
  // What a page never splits: each fixed column, each indicator's measures; a group starts a page.
  const pieces: { first: number; count: number; startsPage: boolean }[] = [];
  for (let c = COMPARISON_TITLE_COLUMNS + 1; c <= fixed; c++) pieces.push({ first: c, count: 1, startsPage: false });
  let first = fixed + 1;
  for (const size of groupSizes) {
    for (let i = 0; i < size; i++, first += measures) pieces.push({ first, count: measures, startsPage: i === 0 });
  }
  const columnBreaks: number[] = [];
  let used = 0;
  for (const piece of pieces) {
    const width = points(piece.first, piece.count);
    if (used > 0 && (piece.startsPage || used + width > room)) {
      columnBreaks.push(piece.first);
      used = 0;
    }
    used += width;
  }
  return { print, columnBreaks, once: { from: COMPARISON_TITLE_COLUMNS + 1, to: (columnBreaks[0] ?? last + 1) - 1 } };
}

/** A group header's spans, `from` to `to` cut at the page breaks between them: each page of the group names it. */
export function spansByPage(from: number, to: number, breaks: readonly number[]): { from: number; to: number }[] {
  const starts = [from, ...breaks.filter((b) => b > from && b <= to)];
  return starts.map((start, i) => ({ from: start, to: (starts[i + 1] ?? to + 1) - 1 }));
}

/** Where So sánh's rows are: the header rows repeated on each page, the units, the totals' heading and the last total. */
export interface ComparisonRows {
  readonly headerRows: { readonly first: number; readonly last: number };
  readonly firstUnit: number;
  readonly lastUnit: number;
  readonly heading: number;
  readonly lastTotal: number;
}

/**
 * The row break that keeps the province's totals whole: their heading, note and rows print on one
 * page with the last unit's row, never a heading ending a page with its totals on the next. Rows
 * not sized are taken as one line of the sheet's 12 pt; heights count at the print scale.
 */
export function comparisonRowBreaks(sized: readonly { row: number; height: number }[], rows: ComparisonRows): number[] {
  const given = new Map(sized.map((r) => [r.row, r.height]));
  const scale = COMPARISON_PRINT_SCALE / 100;
  const heights = Array.from({ length: rows.lastTotal - rows.headerRows.first + 1 }, (_, i) => {
    const row = rows.headerRows.first + i;
    return { row, height: (given.get(row) ?? rowHeight(1, 12)) * scale };
  });
  return tailBreak(heights, rows.heading, "landscape", rows.headerRows.last, { first: rows.firstUnit, last: rows.lastUnit, repeatedFrom: rows.headerRows.first });
}
