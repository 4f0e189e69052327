import { MAX_COLUMNS, MAX_ROWS, Rect, formatAddress, intersect, parseAddress, validateRect } from "./address";
import { Batch } from "./batch";
import { ConditionalFormatEntry, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, SheetModel } from "./cellStore";
import { ExcelEnumName, normalizeColor, normalizeEnum } from "./enums";
import { fail } from "./errors";
import { ClientObject, CollectionProxy, PropertySpec, SimpleProxy, exposeProperties } from "./proxyBase";
import {
  RangeTarget, assertEditable, assertUnprotected, autofitColumns, autofitRows, clearRange, columnCount, copyFormulas, mergeRange,
  readFormulas, readNumberFormat, readText, readValueTypes, readValues, rowCount, unmergeRange, writeInputs, writeStyle,
} from "./rangeOps";
import { WorksheetProxy, rangeOnSheet } from "./sheetProxies";
import { validationSpecs } from "./dataValidation";

const RANGE_PROPS: Record<string, PropertySpec<RangeTarget>> = {
  address: { get: (t) => formatAddress(t.sheet.name, t.rect) },
  addressLocal: { get: (t) => formatAddress(t.sheet.name, t.rect) },
  rowIndex: { get: (t) => t.rect.startRow },
  columnIndex: { get: (t) => t.rect.startCol },
  rowCount: { get: (t) => rowCount(t.rect) },
  columnCount: { get: (t) => columnCount(t.rect) },
  cellCount: { get: (t) => rowCount(t.rect) * columnCount(t.rect) },
  isEntireColumn: { get: (t) => t.rect.startRow === 0 && t.rect.endRow === MAX_ROWS - 1 },
  isEntireRow: { get: (t) => t.rect.startCol === 0 && t.rect.endCol === MAX_COLUMNS - 1 },
  values: { get: readValues, set: (t, v) => writeInputs(t, v, "values") },
  formulas: { get: readFormulas, set: (t, v) => writeInputs(t, v, "formulas") },
  numberFormat: { get: readNumberFormat, set: (t, v) => writeStyle(t, "numberFormat", v, "allowFormatCells") },
  text: { get: readText },
  valueTypes: { get: readValueTypes },
};

export class RangeProxy extends ClientObject<RangeTarget> {
  constructor(batch: Batch, path: string, resolver: () => RangeTarget | null, nullable = false) {
    super(batch, path, resolver, nullable);
  }

  protected properties(): Record<string, PropertySpec<RangeTarget>> {
    return RANGE_PROPS;
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    const nav: Record<string, () => ClientObject<unknown>> = {
      format: () => this.format,
      dataValidation: () => this.dataValidation,
      conditionalFormats: () => this.conditionalFormats,
      worksheet: () => this.worksheet,
    };
    return nav[name]?.();
  }

  get format(): SimpleProxy<RangeTarget> {
    return this.child("format", () => rangeFormat(this.batch, `${this._path}.format`, () => this.target()));
  }

  get dataValidation(): DataValidationProxy {
    return this.child("dataValidation", () => new DataValidationProxy(this.batch, `${this._path}.dataValidation`, () => this.target()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child("conditionalFormats", () => new ConditionalFormatCollectionProxy(this.batch, `${this._path}.conditionalFormats`, () => this.target()));
  }

  get worksheet(): WorksheetProxy {
    return this.child("worksheet", () => new WorksheetProxy(this.batch, `${this._path}.worksheet`, () => this.target().sheet));
  }

  /** A range computed from this one when the queue runs. */
  private derived(call: string, compute: (rect: Rect) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.${call}`, () => {
      const { sheet, rect } = this.target();
      const next = compute(rect);
      return next ? { sheet, rect: validateRect(next, call) } : null;
    }, nullable);
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived(`getCell(${row},${column})`, (r) => ({ startRow: r.startRow + row, startCol: r.startCol + column, endRow: r.startRow + row, endCol: r.startCol + column }));
  }

  getRow(row: number): RangeProxy {
    return this.derived(`getRow(${row})`, (r) => ({ ...r, startRow: r.startRow + row, endRow: r.startRow + row }));
  }

  getColumn(column: number): RangeProxy {
    return this.derived(`getColumn(${column})`, (r) => ({ ...r, startCol: r.startCol + column, endCol: r.startCol + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, (r) => ({
      startRow: r.startRow + rowOffset, endRow: r.endRow + rowOffset, startCol: r.startCol + columnOffset, endCol: r.endCol + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, (r) => ({ ...r, endRow: r.endRow + deltaRows, endCol: r.endCol + deltaColumns }));
  }

  getEntireColumn(): RangeProxy {
    return this.derived("getEntireColumn()", (r) => ({ ...r, startRow: 0, endRow: MAX_ROWS - 1 }));
  }

  getEntireRow(): RangeProxy {
    return this.derived("getEntireRow()", (r) => ({ ...r, startCol: 0, endCol: MAX_COLUMNS - 1 }));
  }

  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this.derived(`getIntersectionOrNullObject(${typeof other === "string" ? other : other._path})`, (r) => {
      const otherRect = typeof other === "string" ? parseAddress(other).rect : other.target().rect;
      return intersect(r, otherRect) ?? null;
    }, true);
  }

  merge(across = false): void {
    this.queue("merge", [across], (t) => mergeRange(t, across));
  }

  unmerge(): void {
    this.queue("unmerge", [], unmergeRange);
  }

  clear(applyTo: string = "All"): void {
    const mode = normalizeEnum("ClearApplyTo", applyTo);
    this.queue("clear", [mode], (t) => clearRange(t, mode));
  }

  /**
   * Only what the adapter uses: copy type "Formulas", without skipping blanks or transposing. A
   * source address without a sheet is on this range's sheet.
   */
  copyFrom(source: RangeProxy | string, copyType: string = "All", skipBlanks = false, transpose = false): void {
    const type = normalizeEnum("RangeCopyType", copyType);
    if (type !== "Formulas" || skipBlanks || transpose) {
      fail("InvalidArgument", `The emulator copies ranges only as copyFrom(source, "Formulas") (asked: ${type}, skipBlanks ${skipBlanks}, transpose ${transpose}).`);
    }
    this.queue("copyFrom", [source, type, skipBlanks, transpose], (t) => {
      const from = typeof source === "string" ? sourceAddress(this.batch, t, source) : source.target();
      copyFormulas(t, from);
    });
  }

  select(): void {
    this.queue("select", [], (t) => {
      this.batch.model.selection = { sheet: t.sheet, rect: t.rect };
      this.batch.model.activeSheet = t.sheet;
    });
  }
}
exposeProperties(RangeProxy.prototype, Object.keys(RANGE_PROPS));

/** A copy source given as an address: on the destination's sheet unless it names another. */
function sourceAddress(batch: Batch, target: RangeTarget, address: string): RangeTarget {
  const named = parseAddress(address).sheet;
  const sheet = named === undefined ? target.sheet : (batch.model.findSheet(named) ?? fail("ItemNotFound", `The sheet '${named}' doesn't exist.`));
  return rangeOnSheet(sheet, address);
}

/** A cell-style property ("font.bold" …) read as the uniform value of the range, written to every cell. */
function styleSpec(key: string, convert: (v: unknown) => unknown = (v) => v): PropertySpec<RangeTarget> {
  return {
    get: (t) => t.sheet.uniformStyle(t.rect, key),
    set: (t, v) => writeStyle(t, key, convert(v), "allowFormatCells"),
  };
}

const enumOf = (kind: ExcelEnumName) => (v: unknown) => normalizeEnum(kind, v);

function widthSpec(): PropertySpec<RangeTarget> {
  return {
    get: (t) => uniform(t.rect.startCol, t.rect.endCol, (c) => t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH),
    set: (t, v) => {
      assertEditable(t, "allowFormatColumns");
      for (let c = t.rect.startCol; c <= t.rect.endCol; c++) t.sheet.columnWidths.set(c, Number(v));
    },
  };
}

function heightSpec(): PropertySpec<RangeTarget> {
  return {
    get: (t) => uniform(t.rect.startRow, t.rect.endRow, (r) => t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT),
    set: (t, v) => {
      assertEditable(t, "allowFormatRows");
      for (let r = t.rect.startRow; r <= t.rect.endRow; r++) t.sheet.rowHeights.set(r, Number(v));
    },
  };
}

function uniform(from: number, to: number, read: (i: number) => number): number | null {
  const first = read(from);
  for (let i = from + 1; i <= Math.min(to, from + MAX_COLUMNS); i++) if (read(i) !== first) return null;
  return first;
}

class RangeFormatProxy extends SimpleProxy<RangeTarget> {
  autofitColumns(): void {
    this.queue("autofitColumns", [], autofitColumns);
  }

  autofitRows(): void {
    this.queue("autofitRows", [], autofitRows);
  }
}

class FillProxy extends SimpleProxy<RangeTarget> {
  clear(): void {
    this.queue("clear", [], (t) => writeStyle(t, "fill.color", "#FFFFFF", "allowFormatCells"));
  }
}

class BordersProxy extends SimpleProxy<RangeTarget> {
  getItem(index: string): SimpleProxy<RangeTarget> {
    const edge = normalizeEnum("BorderIndex", index);
    return this.child(edge, () => new SimpleProxy(this.batch, `${this._path}.getItem(${edge})`, () => this.target(), {
      style: styleSpec(`border.${edge}.style`, enumOf("BorderLineStyle")),
      weight: styleSpec(`border.${edge}.weight`, enumOf("BorderWeight")),
      color: styleSpec(`border.${edge}.color`, normalizeColor),
    }));
  }
}

function rangeFormat(batch: Batch, path: string, resolve: () => RangeTarget): RangeFormatProxy {
  return new RangeFormatProxy(batch, path, resolve, {
    horizontalAlignment: styleSpec("horizontalAlignment", enumOf("HorizontalAlignment")),
    verticalAlignment: styleSpec("verticalAlignment", enumOf("VerticalAlignment")),
    wrapText: styleSpec("wrapText", Boolean),
    columnWidth: widthSpec(),
    rowHeight: heightSpec(),
  }, {
    font: () => new SimpleProxy(batch, `${path}.font`, resolve, {
      name: styleSpec("font.name"),
      size: styleSpec("font.size", Number),
      bold: styleSpec("font.bold", Boolean),
      italic: styleSpec("font.italic", Boolean),
      color: styleSpec("font.color", normalizeColor),
      underline: styleSpec("font.underline", enumOf("UnderlineStyle")),
    }),
    fill: () => new FillProxy(batch, `${path}.fill`, resolve, { color: styleSpec("fill.color", (v) => normalizeColor(v) ?? "#FFFFFF") }),
    borders: () => new BordersProxy(batch, `${path}.borders`, resolve, {}),
    protection: () => new SimpleProxy(batch, `${path}.protection`, resolve, {
      locked: styleSpec("locked", Boolean),
      formulaHidden: styleSpec("formulaHidden", Boolean),
    }),
  });
}

export class DataValidationProxy extends SimpleProxy<RangeTarget> {
  constructor(batch: Batch, path: string, resolve: () => RangeTarget) {
    super(batch, path, resolve, validationSpecs());
  }

  clear(): void {
    this.queue("clear", [], (t) => {
      assertUnprotected(t.sheet, "clear data validation");
      t.sheet.dataValidations = t.sheet.dataValidations.filter((e) => !intersect(e.rect, t.rect));
    });
  }
}

interface CfTarget {
  sheet: SheetModel;
  entry: ConditionalFormatEntry;
}

function cfFormatSpec(key: string, convert: (v: unknown) => unknown): PropertySpec<CfTarget> {
  return {
    get: (t) => t.entry.format[key] ?? null,
    set: (t, v) => {
      t.entry.format[key] = convert(v) as string | boolean | null;
    },
  };
}

export class ConditionalFormatProxy extends SimpleProxy<CfTarget> {
  constructor(batch: Batch, path: string, resolve: () => CfTarget | null) {
    const format = () => new SimpleProxy<CfTarget>(batch, `${path}.custom.format`, resolve, {}, {
      fill: () => new SimpleProxy(batch, `${path}.custom.format.fill`, resolve, { color: cfFormatSpec("fill.color", normalizeColor) }),
      font: () => new SimpleProxy(batch, `${path}.custom.format.font`, resolve, {
        color: cfFormatSpec("font.color", normalizeColor),
        bold: cfFormatSpec("font.bold", Boolean),
        italic: cfFormatSpec("font.italic", Boolean),
      }),
    });
    const rule = () => new SimpleProxy<CfTarget>(batch, `${path}.custom.rule`, resolve, {
      formula: { get: (t) => t.entry.formula, set: (t, v) => void (t.entry.formula = String(v)) },
    });
    super(batch, path, resolve, {
      type: { get: (t) => t.entry.type },
      stopIfTrue: { get: (t) => t.entry.stopIfTrue, set: (t, v) => void (t.entry.stopIfTrue = Boolean(v)) },
      priority: {
        get: (t) => t.sheet.conditionalFormats.indexOf(t.entry),
        set: (t, v) => {
          const list = t.sheet.conditionalFormats.filter((e) => e !== t.entry);
          list.splice(Math.max(0, Math.min(Number(v), list.length)), 0, t.entry);
          t.sheet.conditionalFormats = list;
        },
      },
    }, {
      custom: () => new SimpleProxy<CfTarget>(batch, `${path}.custom`, resolve, {}, { rule, format }),
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.getRange()`, () => ({ sheet: this.target().sheet, rect: this.target().entry.rect }));
  }

  delete(): void {
    this.queue("delete", [], (t) => {
      assertUnprotected(t.sheet, "delete a conditional format");
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((e) => e !== t.entry);
    });
  }
}

let nextCfId = 1;

export class ConditionalFormatCollectionProxy extends CollectionProxy<ConditionalFormatEntry, ConditionalFormatProxy> {
  private sheet: SheetModel | undefined;

  constructor(batch: Batch, path: string, private readonly range: () => RangeTarget) {
    super(batch, path, () => {
      const t = range();
      this.sheet = t.sheet;
      return t.sheet.conditionalFormats.filter((e) => intersect(e.rect, t.rect));
    });
  }

  protected makeItem(entry: ConditionalFormatEntry, index: number): ConditionalFormatProxy {
    const sheet = this.sheet ?? fail("ItemNotFound", "Conditional format has no sheet.");
    return new ConditionalFormatProxy(this.batch, `${this._path}.items[${index}]`, () => ({ sheet, entry }));
  }

  add(type: string): ConditionalFormatProxy {
    const kind = normalizeEnum("ConditionalFormatType", type);
    let created: CfTarget | undefined;
    this.batch.enqueue({ path: this._path, action: "add", args: [kind] }, () => {
      const t = this.range();
      assertUnprotected(t.sheet, "add a conditional format");
      const entry: ConditionalFormatEntry = { id: nextCfId++, rect: t.rect, type: kind, formula: null, format: {}, stopIfTrue: false };
      // A new rule goes to the top of the list (priority 0), as in Excel.
      t.sheet.conditionalFormats.unshift(entry);
      created = { sheet: t.sheet, entry };
    });
    return new ConditionalFormatProxy(this.batch, `${this._path}.add(${kind})`, () => created ?? null);
  }

  clearAll(): void {
    this.batch.enqueue({ path: this._path, action: "clearAll", args: [] }, () => {
      const t = this.range();
      assertUnprotected(t.sheet, "clear conditional formats");
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((e) => !intersect(e.rect, t.rect));
    });
  }
}
