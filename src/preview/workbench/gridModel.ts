// One emulated sheet as the grid draws it: displayed text (formulas evaluated, number formats
// applied), which cells a user may type into, merges, and a few styles that make it read like Excel.
import type { CSSProperties } from "react";
import { cellAddress, columnLetter, parseCell } from "../../layout/addresses";
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
    const { row, column: col } = parseCell(cell.address);
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
    spans.set(cellAddress(start.row, start.column), { rowSpan: end.row - start.row + 1, colSpan: end.column - start.column + 1 });
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.column; c <= end.column; c++) if (r !== start.row || c !== start.column) covered.add(cellAddress(r, c));
  }

  const columns = Math.max(lastColumn + 2, MIN_COLUMNS);
  const widths = Array.from({ length: columns }, (_, col) => {
    const points = sheet.columnWidths[columnLetter(col)];
    // Emulator widths are in points, like Excel's Range.format.columnWidth.
    return points ? Math.round((points * 4) / 3) : DEFAULT_WIDTH_PX;
  });
  return { rows: Math.max(lastRow + 1 + MARGIN_ROWS, MIN_ROWS), columns, cells, spans, covered, widths };
}

/** A cell a user may type into although the sheet has not styled it yet. */
export function blankCell(sheet: SheetSnapshot): GridCell {
  return { text: "", content: "", editable: !sheet.protection.protected, protected: sheet.protection.protected, style: {} };
}
