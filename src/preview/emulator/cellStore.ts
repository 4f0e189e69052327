import { MAX_COLUMNS, Rect, contains, intersect, rectArea } from "./address";

/** A computed Excel error such as #DIV/0!; `values` reports it as its code string. */
export class ExcelErrorValue {
  constructor(readonly code: string) {}
}

export type Scalar = number | string | boolean;
export type ComputedValue = Scalar | null | ExcelErrorValue;
export type StyleValue = string | number | boolean | null;

/** Cell content: a constant or a formula ("=..."); `computed` is filled by the formula engine. */
export interface Cell {
  value: Scalar | null;
  formula: string | null;
  computed: ComputedValue;
  styles: Map<string, Stamped>;
}

interface Stamped {
  value: StyleValue;
  stamp: number;
}

/** A style applied to a large rectangle (e.g. a whole column) without materialising a million cells. */
interface StyleLayer {
  rect: Rect;
  key: string;
  value: StyleValue;
  stamp: number;
}

/** Above this many cells, scalar style writes are stored as a layer. */
const LAYER_THRESHOLD = 20000;

const STYLE_DEFAULTS: Record<string, StyleValue> = {
  numberFormat: "General",
  locked: true,
  formulaHidden: false,
  "font.name": "Calibri",
  "font.size": 11,
  "font.bold": false,
  "font.italic": false,
  "font.color": "#000000",
  "font.underline": "None",
  "fill.color": "#FFFFFF",
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
};

export function defaultStyle(key: string): StyleValue {
  if (key in STYLE_DEFAULTS) return STYLE_DEFAULTS[key];
  if (key.endsWith(".style")) return "None";
  if (key.endsWith(".weight")) return "Thin";
  if (key.endsWith(".color")) return "#000000";
  return null;
}

export interface SheetProtection {
  protected: boolean;
  password?: string;
  options: Record<string, boolean>;
}

export interface DataValidationEntry {
  rect: Rect;
  type: string;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  errorAlert: Record<string, unknown>;
  prompt: Record<string, unknown>;
}

export interface ConditionalFormatEntry {
  id: number;
  rect: Rect;
  type: string;
  formula: string | null;
  format: Record<string, StyleValue>;
  stopIfTrue: boolean;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  centerHorizontally: boolean;
  centerVertically: boolean;
  margins: Record<"leftMargin" | "rightMargin" | "topMargin" | "bottomMargin" | "headerMargin" | "footerMargin", number>;
  headersFooters: Record<string, string>;
  /** Manual page breaks: rows (1-based) that start a page. */
  rowBreaks: number[];
  /** Manual page breaks across: columns (1-based) that start a page. */
  columnBreaks: number[];
}

export const HEADER_FOOTER_KEYS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];

function defaultPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    centerHorizontally: false,
    centerVertically: false,
    // Excel's "Normal" margins, in points.
    margins: { leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
    headersFooters: Object.fromEntries(HEADER_FOOTER_KEYS.map((k) => [k, ""])),
    rowBreaks: [],
    columnBreaks: [],
  };
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

let nextSheetId = 1;

export class SheetModel {
  readonly id = `{sheet-${nextSheetId++}}`;
  readonly cells = new Map<number, Cell>();
  readonly layers: StyleLayer[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  merges: Rect[] = [];
  protection: SheetProtection = { protected: false, options: {} };
  dataValidations: DataValidationEntry[] = [];
  /** Index 0 has the highest priority, as in Excel. */
  conditionalFormats: ConditionalFormatEntry[] = [];
  pageLayout = defaultPageLayout();
  frozenRows = 0;
  frozenColumns = 0;
  visibility = "Visible";

  constructor(
    public name: string,
    private readonly workbook: WorkbookModel,
  ) {}

  static key(row: number, col: number): number {
    return row * MAX_COLUMNS + col;
  }

  static position(key: number): { row: number; col: number } {
    return { row: Math.floor(key / MAX_COLUMNS), col: key % MAX_COLUMNS };
  }

  /** Cells moved by structural edits change formula results. */
  workbookDirty(): void {
    this.workbook.markDirty();
  }

  cellAt(row: number, col: number): Cell | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }

  ensureCell(row: number, col: number): Cell {
    const key = SheetModel.key(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, computed: null, styles: new Map() };
      this.cells.set(key, cell);
    }
    return cell;
  }

  setContent(row: number, col: number, content: { value: Scalar | null; formula: string | null }): void {
    const cell = this.ensureCell(row, col);
    cell.value = content.value;
    cell.formula = content.formula;
    cell.computed = content.value;
    this.workbook.edited.push({ sheet: this, row, col });
  }

  /** Existing cells inside a rectangle, without visiting empty grid positions. */
  *cellsIn(rect: Rect): Generator<{ row: number; col: number; cell: Cell }> {
    if (rectArea(rect) <= this.cells.size) {
      for (let row = rect.startRow; row <= rect.endRow; row++) {
        for (let col = rect.startCol; col <= rect.endCol; col++) {
          const cell = this.cellAt(row, col);
          if (cell) yield { row, col, cell };
        }
      }
      return;
    }
    for (const [key, cell] of this.cells) {
      const { row, col } = SheetModel.position(key);
      if (contains(rect, row, col)) yield { row, col, cell };
    }
  }

  getStyle(row: number, col: number, key: string): StyleValue {
    let best: Stamped | undefined = this.cellAt(row, col)?.styles.get(key);
    for (const layer of this.layers) {
      if (layer.key === key && (!best || layer.stamp > best.stamp) && contains(layer.rect, row, col)) best = layer;
    }
    return best ? best.value : defaultStyle(key);
  }

  setStyle(rect: Rect, key: string, value: StyleValue): void {
    const stamp = this.workbook.nextStamp();
    if (rectArea(rect) > LAYER_THRESHOLD) {
      this.layers.push({ rect, key, value, stamp });
      return;
    }
    for (let row = rect.startRow; row <= rect.endRow; row++) {
      for (let col = rect.startCol; col <= rect.endCol; col++) this.ensureCell(row, col).styles.set(key, { value, stamp });
    }
  }

  /** Value shared by every cell of the rect, or null when mixed (Office's convention for multi-cell format reads). */
  uniformStyle(rect: Rect, key: string): StyleValue {
    const seen = new Set<StyleValue>();
    if (rectArea(rect) <= LAYER_THRESHOLD) {
      for (let row = rect.startRow; row <= rect.endRow; row++) {
        for (let col = rect.startCol; col <= rect.endCol; col++) seen.add(this.getStyle(row, col, key));
        if (seen.size > 1) return null;
      }
      return [...seen][0];
    }
    // Large rect: sample the stored cells and the corners; exact enough for whole-column formatting.
    for (const { row, col } of this.cellsIn(rect)) seen.add(this.getStyle(row, col, key));
    seen.add(this.getStyle(rect.startRow, rect.startCol, key));
    seen.add(this.getStyle(rect.endRow, rect.endCol, key));
    return seen.size === 1 ? [...seen][0] : null;
  }

  clearStyles(rect: Rect): void {
    for (const { cell } of this.cellsIn(rect)) cell.styles.clear();
    for (let i = this.layers.length - 1; i >= 0; i--) {
      if (intersect(this.layers[i].rect, rect)) this.layers.splice(i, 1);
    }
  }

  /** Bounding rect of cells with content (and, unless valuesOnly, with formats). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let rect: Rect | undefined;
    for (const [key, cell] of this.cells) {
      const hasContent = cell.value !== null || cell.formula !== null;
      if (!hasContent && (valuesOnly || cell.styles.size === 0)) continue;
      const { row, col } = SheetModel.position(key);
      rect = rect
        ? {
            startRow: Math.min(rect.startRow, row),
            startCol: Math.min(rect.startCol, col),
            endRow: Math.max(rect.endRow, row),
            endCol: Math.max(rect.endCol, col),
          }
        : { startRow: row, startCol: col, endRow: row, endCol: col };
    }
    return rect;
  }
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  /** Includes the header row (and the totals row when shown). */
  rect: Rect;
  style: string;
  showTotals: boolean;
  showBandedRows: boolean;
  showHeaders: boolean;
}

export interface NamedItemModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

/** The whole in-memory workbook; proxies read and write it during sync. */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly names: NamedItemModel[] = [];
  readonly tables: TableModel[] = [];
  activeSheet: SheetModel | undefined;
  selection: { sheet: SheetModel; rect: Rect } | undefined;
  /** Set by structural changes (names, moved cells, sheets): every formula is recomputed. */
  dirty = false;
  /** Cells whose content changed since the last calculation: only what depends on them is recomputed. */
  edited: { sheet: SheetModel; row: number; col: number }[] = [];
  private stamp = 0;
  private tableCounter = 0;

  nextStamp(): number {
    return ++this.stamp;
  }

  nextTableId(): number {
    return ++this.tableCounter;
  }

  markDirty(): void {
    this.dirty = true;
  }

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  findName(name: string): NamedItemModel | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  findTable(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name, this);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }
}
