import { MAX_COLUMNS, MAX_ROWS, Rect, formatAddress, parseAddress, validateRect } from "./address";
import { Batch } from "./batch";
import { HEADER_FOOTER_KEYS, NamedItemModel, PageLayoutState, SheetModel } from "./cellStore";
import { normalizeEnum } from "./enums";
import { fail } from "./errors";
import { ClientObject, CollectionProxy, PropertySpec, SimpleProxy, exposeProperties } from "./proxyBase";
import { RangeProxy } from "./rangeProxies";
import { RangeTarget } from "./rangeOps";
import { addSheet, deleteSheet, moveSheet, protectSheet, renameSheet, unprotectSheet } from "./sheetOps";
import { TableCollectionProxy } from "./tableProxies";
import { ChartCollectionProxy } from "./charts";

/** Resolves an address on a given sheet; a sheet prefix must name that sheet. */
export function rangeOnSheet(sheet: SheetModel, address?: string): RangeTarget {
  if (address === undefined) return { sheet, rect: { startRow: 0, startCol: 0, endRow: MAX_ROWS - 1, endCol: MAX_COLUMNS - 1 } };
  const parsed = parseAddress(address);
  if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    fail("InvalidArgument", `The address '${address}' is not on sheet '${sheet.name}'.`);
  }
  return { sheet, rect: parsed.rect };
}

function quoteArg(value: unknown): string {
  return JSON.stringify(value);
}

function sheetSpecs(batch: Batch): Record<string, PropertySpec<SheetModel>> {
  return {
    id: { get: (s) => s.id },
    name: { get: (s) => s.name, set: (s, v) => renameSheet(batch.model, s, v) },
    position: { get: (s) => batch.model.sheets.indexOf(s), set: (s, v) => moveSheet(batch.model, s, v) },
    visibility: { get: (s) => s.visibility, set: (s, v) => void (s.visibility = normalizeEnum("SheetVisibility", v)) },
  };
}

export class WorksheetProxy extends ClientObject<SheetModel> {
  constructor(batch: Batch, path: string, resolver: () => SheetModel | null, nullable = false) {
    super(batch, path, resolver, nullable);
  }

  protected properties(): Record<string, PropertySpec<SheetModel>> {
    return sheetSpecs(this.batch);
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    const nav: Record<string, () => ClientObject<unknown>> = {
      protection: () => this.protection,
      pageLayout: () => this.pageLayout,
      tables: () => this.tables,
      freezePanes: () => this.freezePanes,
      horizontalPageBreaks: () => this.horizontalPageBreaks,
      verticalPageBreaks: () => this.verticalPageBreaks,
      charts: () => this.charts,
    };
    return nav[name]?.();
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.getRange(${quoteArg(address ?? "")})`, () => rangeOnSheet(this.target(), address));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    const rect: Rect = { startRow, startCol: startColumn, endRow: startRow + rowCount - 1, endCol: startColumn + columnCount - 1 };
    return new RangeProxy(this.batch, `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => ({
      sheet: this.target(),
      rect: validateRect(rect, "getRangeByIndexes"),
    }));
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Office returns A1 for an empty sheet from getUsedRange(), a null object from the OrNullObject variant. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.getUsedRange(${valuesOnly})`, () => {
      const sheet = this.target();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { startRow: 0, startCol: 0, endRow: 0, endCol: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.getUsedRangeOrNullObject(${valuesOnly})`, () => {
      const sheet = this.target();
      const rect = sheet.usedRect(valuesOnly);
      return rect ? { sheet, rect } : null;
    }, true);
  }

  get tables(): TableCollectionProxy {
    return this.child("tables", () => new TableCollectionProxy(this.batch, `${this._path}.tables`, () => this.target()));
  }

  get charts(): ChartCollectionProxy {
    return this.child("charts", () => new ChartCollectionProxy(this.batch, `${this._path}.charts`, () => this.target()));
  }

  get protection(): WorksheetProtectionProxy {
    return this.child("protection", () => new WorksheetProtectionProxy(this.batch, `${this._path}.protection`, () => this.target(), {
      protected: { get: (s) => s.protection.protected },
      options: { get: (s) => ({ ...s.protection.options }) },
    }));
  }

  get pageLayout(): PageLayoutProxy {
    return this.child("pageLayout", () => pageLayout(this.batch, `${this._path}.pageLayout`, () => this.target()));
  }

  get horizontalPageBreaks(): PageBreakCollectionProxy {
    return this.child("horizontalPageBreaks", () => new PageBreakCollectionProxy(this.batch, `${this._path}.horizontalPageBreaks`, () => this.target(), {}));
  }

  get verticalPageBreaks(): VerticalPageBreakCollectionProxy {
    return this.child("verticalPageBreaks", () => new VerticalPageBreakCollectionProxy(this.batch, `${this._path}.verticalPageBreaks`, () => this.target(), {}));
  }

  get freezePanes(): FreezePanesProxy {
    return this.child("freezePanes", () => new FreezePanesProxy(this.batch, `${this._path}.freezePanes`, () => this.target(), {}));
  }

  activate(): void {
    this.queue("activate", [], (s) => {
      if (s.visibility !== "Visible") fail("InvalidOperation", "A hidden sheet can't be activated.");
      this.batch.model.activeSheet = s;
    });
  }

  delete(): void {
    this.queue("delete", [], (s) => deleteSheet(this.batch.model, s));
  }
}
exposeProperties(WorksheetProxy.prototype, ["id", "name", "position", "visibility"]);

class WorksheetProtectionProxy extends SimpleProxy<SheetModel> {
  protect(options?: Record<string, boolean>, password?: string): void {
    this.queue("protect", [options ?? {}, password === undefined ? null : "***"], (s) => protectSheet(s, options ?? {}, password));
  }

  unprotect(password?: string): void {
    this.queue("unprotect", [password === undefined ? null : "***"], (s) => unprotectSheet(s, password));
  }
}

class FreezePanesProxy extends SimpleProxy<SheetModel> {
  freezeRows(count = 1): void {
    this.queue("freezeRows", [count], (s) => void (s.frozenRows = count));
  }

  freezeColumns(count = 1): void {
    this.queue("freezeColumns", [count], (s) => void (s.frozenColumns = count));
  }

  unfreeze(): void {
    this.queue("unfreeze", [], (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
}

/** Excel adds a horizontal break before the top row of the range. */
class PageBreakCollectionProxy extends SimpleProxy<SheetModel> {
  add(address: string): void {
    this.queue("add", [address], (s) => void s.pageLayout.rowBreaks.push(rangeOnSheet(s, address).rect.startRow + 1));
  }
}

/** Excel adds a vertical break before the left column of the range. */
class VerticalPageBreakCollectionProxy extends SimpleProxy<SheetModel> {
  add(address: string): void {
    this.queue("add", [address], (s) => void s.pageLayout.columnBreaks.push(rangeOnSheet(s, address).rect.startCol + 1));
  }
}

class PageLayoutProxy extends SimpleProxy<SheetModel> {
  setPrintTitleRows(address: string): void {
    this.queue("setPrintTitleRows", [address], (s) => void (s.pageLayout.printTitleRows = formatPrintRef(s, address)));
  }

  setPrintTitleColumns(address: string): void {
    this.queue("setPrintTitleColumns", [address], (s) => void (s.pageLayout.printTitleColumns = formatPrintRef(s, address)));
  }

  setPrintArea(address: string): void {
    this.queue("setPrintArea", [address], (s) => void (s.pageLayout.printArea = formatPrintRef(s, address)));
  }
}

function formatPrintRef(sheet: SheetModel, address: string): string {
  return formatAddress(sheet.name, rangeOnSheet(sheet, address).rect, true);
}

type Margin = keyof PageLayoutState["margins"];

function pageLayout(batch: Batch, path: string, resolve: () => SheetModel): PageLayoutProxy {
  const margin = (key: Margin): PropertySpec<SheetModel> => ({
    get: (s) => s.pageLayout.margins[key],
    set: (s, v) => void (s.pageLayout.margins[key] = Number(v)),
  });
  const headerFooter = () =>
    new SimpleProxy<SheetModel>(batch, `${path}.headersFooters.defaultForAllPages`, resolve, Object.fromEntries(
      HEADER_FOOTER_KEYS.map((k): [string, PropertySpec<SheetModel>] => [k, {
        get: (s) => s.pageLayout.headersFooters[k],
        set: (s, v) => void (s.pageLayout.headersFooters[k] = String(v)),
      }]),
    ));
  return new PageLayoutProxy(batch, path, resolve, {
    orientation: { get: (s) => s.pageLayout.orientation, set: (s, v) => void (s.pageLayout.orientation = normalizeEnum("PageOrientation", v)) },
    paperSize: { get: (s) => s.pageLayout.paperSize, set: (s, v) => void (s.pageLayout.paperSize = normalizeEnum("PaperType", v)) },
    zoom: {
      get: (s) => ({ ...s.pageLayout.zoom }),
      set: (s, v) => {
        if (!v || typeof v !== "object") fail("InvalidArgument", "zoom must be an object.");
        s.pageLayout.zoom = { ...(v as PageLayoutState["zoom"]) };
      },
    },
    centerHorizontally: { get: (s) => s.pageLayout.centerHorizontally, set: (s, v) => void (s.pageLayout.centerHorizontally = Boolean(v)) },
    centerVertically: { get: (s) => s.pageLayout.centerVertically, set: (s, v) => void (s.pageLayout.centerVertically = Boolean(v)) },
    leftMargin: margin("leftMargin"),
    rightMargin: margin("rightMargin"),
    topMargin: margin("topMargin"),
    bottomMargin: margin("bottomMargin"),
    headerMargin: margin("headerMargin"),
    footerMargin: margin("footerMargin"),
  }, {
    headersFooters: () => new SimpleProxy<SheetModel>(batch, `${path}.headersFooters`, resolve, {}, { defaultForAllPages: headerFooter }),
  });
}

export class WorksheetCollectionProxy extends CollectionProxy<SheetModel, WorksheetProxy> {
  constructor(batch: Batch, path: string) {
    super(batch, path, () => batch.model.sheets);
  }

  protected makeItem(sheet: SheetModel, index: number): WorksheetProxy {
    return new WorksheetProxy(this.batch, `${this._path}.items[${index}]`, () => sheet);
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.batch, `${this._path}.getItem(${quoteArg(key)})`, () =>
      this.batch.model.findSheet(key) ?? this.batch.model.sheets.find((s) => s.id === key) ?? fail("ItemNotFound", `The sheet '${key}' doesn't exist.`),
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.batch, `${this._path}.getItemOrNullObject(${quoteArg(key)})`, () =>
      this.batch.model.findSheet(key) ?? this.batch.model.sheets.find((s) => s.id === key) ?? null, true);
  }

  add(name?: string): WorksheetProxy {
    let created: SheetModel | undefined;
    this.batch.enqueue({ path: this._path, action: "add", args: [name ?? null] }, () => {
      created = addSheet(this.batch.model, name);
    });
    return new WorksheetProxy(this.batch, `${this._path}.add(${quoteArg(name ?? "")})`, () => created ?? fail("ItemNotFound", "The sheet was not added."));
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.batch, `${this._path}.getActiveWorksheet()`, () => this.batch.model.activeSheet ?? fail("ItemNotFound", "No active sheet."));
  }
}

/** Target of a NamedItem proxy. */
function namedRange(batch: Batch, item: NamedItemModel): RangeTarget | null {
  try {
    const { sheet, rect } = parseAddress(item.formula.replace(/^=/, ""));
    const model = sheet ? batch.model.findSheet(sheet) : undefined;
    return model ? { sheet: model, rect } : null;
  } catch {
    return null;
  }
}

export class NamedItemProxy extends SimpleProxy<NamedItemModel> {
  constructor(batch: Batch, path: string, resolve: () => NamedItemModel | null, nullable = false) {
    super(batch, path, resolve, {
      name: { get: (n) => n.name },
      formula: { get: (n) => n.formula, set: (n, v) => void ((n.formula = normalizeFormula(v)), batch.model.markDirty()) },
      comment: { get: (n) => n.comment, set: (n, v) => void (n.comment = String(v)) },
      visible: { get: (n) => n.visible, set: (n, v) => void (n.visible = Boolean(v)) },
      type: { get: (n) => (namedRange(batch, n) ? "Range" : "String") },
      value: { get: (n) => (namedRange(batch, n) ? n.formula.replace(/^=/, "") : n.formula) },
    });
    if (nullable) this.batch.enqueue({ path, action: "resolve", args: [] }, () => this.tryTarget());
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.getRange()`, () =>
      namedRange(this.batch, this.target()) ?? fail("InvalidOperation", `The name '${this.target().name}' doesn't refer to a range.`),
    );
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.getRangeOrNullObject()`, () => {
      const item = this.tryTarget();
      return item ? namedRange(this.batch, item) : null;
    }, true);
  }

  delete(): void {
    this.queue("delete", [], (n) => {
      this.batch.model.names.splice(this.batch.model.names.indexOf(n), 1);
      this.batch.model.markDirty();
    });
  }
}

function normalizeFormula(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") return fail("InvalidArgument", "A name needs a reference.");
  return value.startsWith("=") ? value : `=${value}`;
}

export class NamedItemCollectionProxy extends CollectionProxy<NamedItemModel, NamedItemProxy> {
  constructor(batch: Batch, path: string) {
    super(batch, path, () => batch.model.names);
  }

  protected makeItem(item: NamedItemModel, index: number): NamedItemProxy {
    return new NamedItemProxy(this.batch, `${this._path}.items[${index}]`, () => item);
  }

  add(name: string, reference: RangeProxy | string, comment = ""): NamedItemProxy {
    let created: NamedItemModel | undefined;
    this.batch.enqueue({ path: this._path, action: "add", args: [name, reference, comment] }, () => {
      const model = this.batch.model;
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) fail("InvalidArgument", `The name '${name}' is not valid.`);
      if (model.findName(name) || model.findTable(name)) fail("ItemAlreadyExists", `The name '${name}' already exists.`);
      const formula = typeof reference === "string"
        ? normalizeFormula(reference)
        : `=${formatAddress(reference.target().sheet.name, reference.target().rect, true)}`;
      created = { name, formula, comment, visible: true };
      model.names.push(created);
      model.markDirty();
    });
    return new NamedItemProxy(this.batch, `${this._path}.add(${quoteArg(name)})`, () => created ?? fail("ItemNotFound", "The name was not added."));
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.batch, `${this._path}.getItem(${quoteArg(name)})`, () =>
      this.batch.model.findName(name) ?? fail("ItemNotFound", `The name '${name}' doesn't exist.`));
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.batch, `${this._path}.getItemOrNullObject(${quoteArg(name)})`, () => this.batch.model.findName(name) ?? null, true);
  }
}

class ApplicationProxy extends SimpleProxy<Batch> {
  suspendScreenUpdatingUntilNextSync(): void {
    this.queue("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }

  calculate(calculationType: string = "Recalculate"): void {
    this.queue("calculate", [calculationType], (batch) => {
      batch.model.markDirty();
      batch.calculated();
    });
  }
}

export class WorkbookProxy extends SimpleProxy<Batch> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;

  constructor(batch: Batch) {
    super(batch, "workbook", () => batch, {});
    this.worksheets = new WorksheetCollectionProxy(batch, "workbook.worksheets");
    this.names = new NamedItemCollectionProxy(batch, "workbook.names");
    this.tables = new TableCollectionProxy(batch, "workbook.tables", () => null);
    this.application = new ApplicationProxy(batch, "application", () => batch, {
      calculationMode: { get: () => "Automatic", set: () => undefined },
    });
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    const nav: Record<string, ClientObject<unknown>> = { worksheets: this.worksheets, names: this.names, tables: this.tables, application: this.application };
    return nav[name];
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.batch, "workbook.getSelectedRange()", () => {
      const model = this.batch.model;
      const sheet = model.selection?.sheet ?? model.activeSheet ?? fail("ItemNotFound", "No selection.");
      return { sheet, rect: model.selection?.rect ?? { startRow: 0, startCol: 0, endRow: 0, endCol: 0 } };
    });
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(this.batch, "workbook.getActiveCell()", () => {
      const model = this.batch.model;
      const sheet = model.selection?.sheet ?? model.activeSheet ?? fail("ItemNotFound", "No selection.");
      const r = model.selection?.rect ?? { startRow: 0, startCol: 0, endRow: 0, endCol: 0 };
      return { sheet, rect: { startRow: r.startRow, startCol: r.startCol, endRow: r.startRow, endCol: r.startCol } };
    });
  }
}
