/**
 * The workbook layout as data: one description of sheets, cells, tables, names, formats,
 * validation, conditional formats, protection and print setup, applied by both the
 * Office.js adapter (src/excel) and the .xlsx writer (src/xlsx).
 */

export type Scalar = string | number | boolean | null;

/** A cell's content: a constant or a formula (always starting with "="). */
export type CellContent = { readonly value: Scalar } | { readonly formula: string };

export interface FontSpec {
  readonly name?: string;
  readonly size?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly color?: string;
}

export type HorizontalAlign = "left" | "center" | "right";

export interface StyleSpec {
  readonly font?: FontSpec;
  /** Fill colour as #RRGGBB. */
  readonly fill?: string;
  readonly horizontal?: HorizontalAlign;
  readonly vertical?: "top" | "center" | "bottom";
  readonly wrap?: boolean;
  readonly border?: boolean;
  readonly numberFormat?: string;
}

/**
 * Who owns a block's content. The add-in rewrites its own blocks on every upgrade; user blocks
 * are written only when the sheet is first created and are never touched again.
 */
export type Owner = "addin" | "user";

/** A rectangular block of cells written in one go (one 2-D array per range). */
export interface Block {
  /** Top-left cell, e.g. "A8". */
  readonly at: string;
  readonly cells: readonly (readonly CellContent[])[];
  readonly owner: Owner;
  readonly style?: StyleSpec;
  /** Unlocked cells stay editable under sheet protection. */
  readonly unlocked?: boolean;
  /** Merge the block into one cell (then `cells` is 1×1 and `mergeTo` is the bottom-right cell). */
  readonly mergeTo?: string;
  /**
   * A formula run stated once (formulaRunBlock, src/layout/formulaRuns.ts): `formulas` is the
   * first row, and each of the `rows` rows holds them shifted down by its distance from the first.
   * The writers and the adapter read this; `cells` is then spelled out only for a reader that asks.
   */
  readonly run?: { readonly formulas: readonly string[]; readonly rows: number };
}

/** Styling of a range without content (column formats of a table body, for example). */
export interface RangeStyle {
  readonly range: string;
  readonly style: StyleSpec;
  readonly unlocked?: boolean;
}

/** Per-cell number formats of a range, written as one 2-D array. */
export interface NumberFormatSpec {
  readonly range: string;
  readonly formats: readonly (readonly string[])[];
}

export interface TableSpec {
  readonly name: string;
  /** The whole table range including the header row. */
  readonly range: string;
  readonly style: string;
}

/** A workbook-scoped defined name; `ref` is sheet-local (the writer qualifies it). */
export interface NameSpec {
  readonly name: string;
  readonly ref: string;
}

export type ValidationRule =
  | { readonly kind: "list"; readonly source: string }
  | { readonly kind: "decimal"; readonly operator: "greaterThan" | "between"; readonly formula1: string; readonly formula2?: string }
  | { readonly kind: "custom"; readonly formula: string };

export interface ValidationSpec {
  readonly range: string;
  readonly rule: ValidationRule;
  readonly errorTitle: string;
  readonly errorMessage: string;
}

export interface ConditionalFormatSpec {
  readonly range: string;
  /** Expression rule relative to the range's top-left cell (LibreOffice cannot read containsText). */
  readonly formula: string;
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

/**
 * A data bar (ExcelApi 1.6; Excel 2010+ and LibreOffice render it from .xlsx): the bar's length
 * goes from `min` (empty cell) to `max` (full cell), fixed numbers so that equal values draw equal
 * bars on every row and every sheet.
 */
export interface DataBarSpec {
  readonly range: string;
  readonly min: number;
  readonly max: number;
  /** Bar colour as #RRGGBB. */
  readonly color: string;
}

export interface PrintSpec {
  readonly orientation: "landscape" | "portrait";
  readonly paper: "A4";
  readonly fitToWidth: number;
  /** 0: as many pages tall as needed. */
  readonly fitToHeight: number;
  /**
   * A fixed scale in percent instead of fitting to pages: fitting shrinks the text, and a signed
   * document must keep its printed sizes (docs/developer-guide.md, "The printed document"). When set, fitToWidth/fitToHeight are not written.
   */
  readonly scale?: number;
  /** Rows repeated on every page, e.g. "$7:$7". */
  readonly titleRows?: string;
  /** Columns repeated left of every page across, e.g. "$A:$C" (a table printed several pages wide). */
  readonly titleColumns?: string;
  readonly area: string;
  /** Printed at the top of every page, in Excel's header codes (a title for a table printed on many pages). */
  readonly headerCenter?: string;
  readonly footerCenter: string;
  readonly centerHorizontally: boolean;
  /** Margins in inches. */
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export interface SheetLayout {
  readonly name: string;
  /** Font for the whole sheet (Times New Roman for Party documents, docs/developer-guide.md, "The printed document"). */
  readonly font: FontSpec;
  readonly columnWidths: readonly number[];
  /** Row heights in points, set from the text so no viewer has to autofit (1-based rows). */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  /** Rows that start a new printed page (1-based). */
  readonly pageBreaks?: readonly number[];
  /** Columns that start a new printed page across (1-based). */
  readonly columnBreaks?: readonly number[];
  readonly blocks: readonly Block[];
  readonly rangeStyles: readonly RangeStyle[];
  readonly numberFormats: readonly NumberFormatSpec[];
  readonly tables: readonly TableSpec[];
  readonly validations: readonly ValidationSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  /** Written by the .xlsx writer (workbooks from files); the add-in draws native charts instead. */
  readonly dataBars?: readonly DataBarSpec[];
  readonly protect: boolean;
  /**
   * Rows that grow with the data (the task register's, thousands): the .xlsx writer stores each
   * formula run once, as a shared formula (<f t="shared">), as Excel stores a filled column.
   */
  readonly sharedFormulas?: boolean;
  readonly freezeRows?: number;
  readonly print?: PrintSpec;
}

export interface WorkbookLayout {
  readonly sheets: readonly SheetLayout[];
  /** Names as [name, sheet, cell or range]. */
  readonly names: readonly (NameSpec & { readonly sheet: string })[];
}
