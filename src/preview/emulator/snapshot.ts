import { formatRef } from "./address";
import { ExcelErrorValue, PageLayoutState, SheetModel, WorkbookModel } from "./cellStore";
import { computedAt } from "./rangeOps";
import { bodyRect, columnNames } from "./tables";

export interface CellSnapshot {
  address: string;
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  fill: string;
  alignment: { horizontal: string; vertical: string; wrapText: boolean };
  borders: Record<string, string>;
}

export interface TableSnapshot {
  name: string;
  range: string;
  bodyRange: string;
  columns: string[];
  style: string;
  showTotals: boolean;
  showBandedRows: boolean;
}

export interface DataValidationSnapshot {
  range: string;
  type: string;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  errorAlert: Record<string, unknown>;
  prompt: Record<string, unknown>;
}

export interface ConditionalFormatSnapshot {
  range: string;
  type: string;
  formula: string | null;
  format: Record<string, string | number | boolean | null>;
  stopIfTrue: boolean;
  priority: number;
}

export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  cells: CellSnapshot[];
  /** Styles applied to very large ranges (e.g. whole columns), in application order. */
  rangeStyles: { range: string; key: string; value: string | number | boolean | null }[];
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  merges: string[];
  tables: TableSnapshot[];
  protection: { protected: boolean; hasPassword: boolean; options: Record<string, boolean> };
  dataValidations: DataValidationSnapshot[];
  conditionalFormats: ConditionalFormatSnapshot[];
  pageLayout: PageLayoutState;
  freezePanes: { rows: number; columns: number };
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: { name: string; formula: string; comment: string }[];
  activeSheet: string | null;
}

function cellSnapshot(sheet: SheetModel, row: number, col: number): CellSnapshot {
  const s = (key: string) => sheet.getStyle(row, col, key);
  const computed = computedAt(sheet, row, col);
  const borders: Record<string, string> = {};
  for (const key of sheet.cellAt(row, col)?.styles.keys() ?? []) {
    if (key.startsWith("border.")) borders[key.slice("border.".length)] = String(s(key));
  }
  return {
    address: formatRef({ startRow: row, startCol: col, endRow: row, endCol: col }),
    value: computed instanceof ExcelErrorValue ? computed.code : computed,
    formula: sheet.cellAt(row, col)?.formula ?? null,
    numberFormat: String(s("numberFormat")),
    locked: s("locked") !== false,
    font: { name: String(s("font.name")), size: Number(s("font.size")), bold: s("font.bold") === true, italic: s("font.italic") === true, color: String(s("font.color")) },
    fill: String(s("fill.color")),
    alignment: { horizontal: String(s("horizontalAlignment")), vertical: String(s("verticalAlignment")), wrapText: s("wrapText") === true },
    borders,
  };
}

function sheetSnapshot(model: WorkbookModel, sheet: SheetModel): SheetSnapshot {
  const cells = [...sheet.cells.keys()]
    .sort((a, b) => a - b)
    .map((key) => SheetModel.position(key))
    .map(({ row, col }) => cellSnapshot(sheet, row, col));
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    name: sheet.name,
    position: model.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    cells,
    rangeStyles: sheet.layers.map((l) => ({ range: formatRef(l.rect), key: l.key, value: l.value })),
    columnWidths: Object.fromEntries([...sheet.columnWidths].map(([c, w]) => [formatRef({ startRow: 0, endRow: 1048575, startCol: c, endCol: c }).split(":")[0], w])),
    rowHeights: Object.fromEntries([...sheet.rowHeights].map(([r, h]) => [String(r + 1), h])),
    merges: sheet.merges.map((m) => formatRef(m)),
    tables: model.tables.filter((t) => t.sheet === sheet).map((t) => ({
      name: t.name,
      range: formatRef(t.rect),
      bodyRange: formatRef(bodyRect(t)),
      columns: columnNames(t),
      style: t.style,
      showTotals: t.showTotals,
      showBandedRows: t.showBandedRows,
    })),
    protection: { protected: sheet.protection.protected, hasPassword: sheet.protection.password !== undefined, options: { ...sheet.protection.options } },
    dataValidations: sheet.dataValidations.map((d) => ({ ...clone(d), range: formatRef(d.rect), rect: undefined }))
      .map(({ rect: _rect, ...rest }) => rest),
    conditionalFormats: sheet.conditionalFormats.map((c, priority) => ({
      range: formatRef(c.rect), type: c.type, formula: c.formula, format: { ...c.format }, stopIfTrue: c.stopIfTrue, priority,
    })),
    pageLayout: clone(sheet.pageLayout),
    freezePanes: { rows: sheet.frozenRows, columns: sheet.frozenColumns },
  };
}

/** Plain JSON-able copy of the workbook state (formula results computed). */
export function takeSnapshot(model: WorkbookModel): WorkbookSnapshot {
  return {
    sheets: model.sheets.map((s) => sheetSnapshot(model, s)),
    names: model.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    activeSheet: model.activeSheet?.name ?? null,
  };
}

