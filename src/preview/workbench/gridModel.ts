// One emulated sheet as the grid draws it: displayed text (formulas evaluated, number formats
// applied), which cells a user may type into, merges, and a few styles that make it read like Excel.
import type { CSSProperties } from "react";
import type { CellSnapshot, SheetSnapshot, WorkbookEmulator } from "../emulator";
import { displayText, editText, type PreviewLocale } from "./locale";

export interface GridCell {
  readonly text: string;
  /** What the cell holds, as an editor shows it: the formula, or the value typed. */
  readonly content: string;
  readonly editable: boolean;
  /** A locked cell of a protected sheet: typing there gets Excel's refusal. */
  readonly protected: boolean;
  readonly style: CSSProperties;
}

export interface GridModel {
  readonly rows: number;
  readonly columns: number;
  readonly cells: ReadonlyMap<string, GridCell>;
  /** Top-left address of each merge → its span. */
  readonly spans: ReadonlyMap<string, { readonly rowSpan: number; readonly colSpan: number }>;
  /** Addresses hidden under a merge. */
  readonly covered: ReadonlySet<string>;
  /** Pixel width per column (index 0 = A). */
  readonly widths: readonly number[];
}

/** Room to type past the last used cell. */
const MARGIN_ROWS = 3;
const MIN_ROWS = 25;
const MIN_COLUMNS = 10;
const DEFAULT_WIDTH_PX = 72;

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnIndex(name: string): number {
  return [...name.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** "B7" → zero-based row and column. */
export function parseCell(address: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!match) throw new Error(`not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

function styleOf(cell: CellSnapshot): CSSProperties {
  const align = cell.alignment.horizontal.toLowerCase();
  return {
    fontWeight: cell.font.bold ? 600 : undefined,
    fontStyle: cell.font.italic ? "italic" : undefined,
    color: cell.font.color.startsWith("#") ? cell.font.color : undefined,
    backgroundColor: cell.fill.startsWith("#") ? cell.fill : undefined,
    textAlign:
      align === "center" || align === "centeracrossselection"
        ? "center"
        : align === "right" || (align === "general" && typeof cell.value === "number")
          ? "right"
          : undefined,
    whiteSpace: cell.alignment.wrapText ? "normal" : "nowrap",
  };
}

/** What the cell editor shows: the formula, or the value as one would type it back. */
function contentOf(cell: CellSnapshot, locale: PreviewLocale): string {
  if (cell.formula !== null) return cell.formula;
  if (typeof cell.value === "number") return editText(cell.value, cell.numberFormat, locale);
  return cell.value === null ? "" : String(cell.value);
}

export function gridModel(emulator: WorkbookEmulator, sheet: SheetSnapshot, locale: PreviewLocale): GridModel {
  const cells = new Map<string, GridCell>();
  let lastRow = 0;
  let lastColumn = 0;
  for (const cell of sheet.cells) {
    const { row, col } = parseCell(cell.address);
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, col);
    const locked = sheet.protection.protected && cell.locked;
    cells.set(cell.address, {
      text: displayText(emulator.cell(sheet.name, cell.address).text, cell.value, locale),
      content: contentOf(cell, locale),
      editable: cell.formula === null && !locked,
      protected: locked,
      style: styleOf(cell),
    });
  }

  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const merge of sheet.merges) {
    const [from, to = from] = merge.split(":");
    const start = parseCell(from);
    const end = parseCell(to);
    spans.set(cellName(start.row, start.col), { rowSpan: end.row - start.row + 1, colSpan: end.col - start.col + 1 });
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.col; c <= end.col; c++) if (r !== start.row || c !== start.col) covered.add(cellName(r, c));
  }

  const columns = Math.max(lastColumn + 2, MIN_COLUMNS);
  const widths = Array.from({ length: columns }, (_, col) => {
    const points = sheet.columnWidths[columnName(col)];
    // Emulator widths are in points, like Excel's Range.format.columnWidth.
    return points ? Math.round((points * 4) / 3) : DEFAULT_WIDTH_PX;
  });
  return { rows: Math.max(lastRow + 1 + MARGIN_ROWS, MIN_ROWS), columns, cells, spans, covered, widths };
}

/** A cell a user may type into although the sheet has not styled it yet. */
export function blankCell(sheet: SheetSnapshot): GridCell {
  return { text: "", content: "", editable: !sheet.protection.protected, protected: sheet.protection.protected, style: {} };
}
