import { Rect, parseAddress } from "./address";
import { Batch } from "./batch";
import { SheetModel, TableModel } from "./cellStore";
import { fail } from "./errors";
import { CollectionProxy, SimpleProxy } from "./proxyBase";
import { RangeTarget, columnCount, readValues, writeInputs } from "./rangeOps";
import { RangeProxy } from "./rangeProxies";
import { WorksheetProxy, rangeOnSheet } from "./sheetProxies";
import { addTable, addTableColumn, addTableRows, bodyRect, columnNames, deleteTable, headerRect, renameTable, totalsRect } from "./tables";

function quoteArg(value: unknown): string {
  return JSON.stringify(value);
}

export class TableProxy extends SimpleProxy<TableModel> {
  constructor(batch: Batch, path: string, resolve: () => TableModel | null, nullable = false) {
    super(batch, path, resolve, {
      id: { get: (t) => String(t.id) },
      name: { get: (t) => t.name, set: (t, v) => renameTable(batch.model, t, v) },
      style: { get: (t) => t.style, set: (t, v) => void (t.style = String(v)) },
      showTotals: { get: (t) => t.showTotals, set: (t, v) => setTotals(t, Boolean(v)) },
      showBandedRows: { get: (t) => t.showBandedRows, set: (t, v) => void (t.showBandedRows = Boolean(v)) },
      showHeaders: { get: (t) => t.showHeaders },
    }, {
      rows: () => new TableRowCollectionProxy(batch, `${path}.rows`, () => this.target()),
      columns: () => new TableColumnCollectionProxy(batch, `${path}.columns`, () => this.target()),
      worksheet: () => new WorksheetProxy(batch, `${path}.worksheet`, () => this.target().sheet),
    });
    if (nullable) this.batch.enqueue({ path, action: "resolve", args: [] }, () => this.tryTarget());
  }

  private range(call: string, rect: (t: TableModel) => Rect | undefined): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.${call}`, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: rect(t) ?? fail("ItemNotFound", `The table has no ${call}.`) };
    });
  }

  getRange(): RangeProxy {
    return this.range("getRange()", (t) => t.rect);
  }

  getHeaderRowRange(): RangeProxy {
    return this.range("getHeaderRowRange()", headerRect);
  }

  getDataBodyRange(): RangeProxy {
    return this.range("getDataBodyRange()", bodyRect);
  }

  getTotalRowRange(): RangeProxy {
    return this.range("getTotalRowRange()", totalsRect);
  }

  delete(): void {
    this.queue("delete", [], (t) => deleteTable(this.batch.model, t));
  }
}

/** Showing totals adds a row below the body, as Excel does (cells below are not shifted in this emulator). */
function setTotals(table: TableModel, show: boolean): void {
  if (show === table.showTotals) return;
  table.rect = { ...table.rect, endRow: table.rect.endRow + (show ? 1 : -1) };
  table.showTotals = show;
}

class TableRowCollectionProxy extends CollectionProxy<number, SimpleProxy<RangeTarget>> {
  constructor(batch: Batch, path: string, private readonly table: () => TableModel) {
    super(batch, path, () => {
      const body = bodyRect(table());
      return Array.from({ length: body.endRow - body.startRow + 1 }, (_, i) => i);
    });
  }

  protected makeItem(index: number): SimpleProxy<RangeTarget> {
    return new SimpleProxy(this.batch, `${this._path}.items[${index}]`, () => {
      const t = this.table();
      const body = bodyRect(t);
      return { sheet: t.sheet, rect: { ...body, startRow: body.startRow + index, endRow: body.startRow + index } };
    }, {
      index: { get: () => index },
      values: { get: readValues },
    });
  }

  add(index?: number | null, values?: unknown[][]): void {
    this.batch.enqueue({ path: this._path, action: "add", args: [index ?? null, values ?? null] }, () => {
      const table = this.table();
      if (values !== undefined && values !== null && values.some((row) => !Array.isArray(row) || row.length !== columnCount(table.rect))) {
        fail("InvalidArgument", "The values don't match the table's column count.");
      }
      const rect = addTableRows(table, index, values);
      if (values) writeInputs({ sheet: table.sheet, rect }, values, "rows.add");
    });
  }
}

interface ColumnTarget {
  table: TableModel;
  index: number;
}

class TableColumnProxy extends SimpleProxy<ColumnTarget> {
  constructor(batch: Batch, path: string, resolve: () => ColumnTarget | null, nullable = false) {
    super(batch, path, resolve, {
      index: { get: (c) => c.index },
      id: { get: (c) => String(c.index + 1) },
      name: { get: (c) => columnNames(c.table)[c.index] },
    });
    if (nullable) this.batch.enqueue({ path, action: "resolve", args: [] }, () => this.tryTarget());
  }

  private range(call: string, rect: (t: TableModel) => Rect | undefined): RangeProxy {
    return new RangeProxy(this.batch, `${this._path}.${call}`, () => {
      const { table, index } = this.target();
      const r = rect(table) ?? fail("ItemNotFound", `The column has no ${call}.`);
      return { sheet: table.sheet, rect: { ...r, startCol: table.rect.startCol + index, endCol: table.rect.startCol + index } };
    });
  }

  getRange(): RangeProxy {
    return this.range("getRange()", (t) => t.rect);
  }

  getDataBodyRange(): RangeProxy {
    return this.range("getDataBodyRange()", bodyRect);
  }

  getHeaderRowRange(): RangeProxy {
    return this.range("getHeaderRowRange()", headerRect);
  }
}

class TableColumnCollectionProxy extends CollectionProxy<ColumnTarget, TableColumnProxy> {
  constructor(batch: Batch, path: string, private readonly table: () => TableModel) {
    super(batch, path, () => {
      const t = table();
      return Array.from({ length: columnCount(t.rect) }, (_, index) => ({ table: t, index }));
    });
  }

  protected makeItem(column: ColumnTarget, index: number): TableColumnProxy {
    return new TableColumnProxy(this.batch, `${this._path}.items[${index}]`, () => column);
  }

  private find(name: string): ColumnTarget | null {
    const t = this.table();
    const index = columnNames(t).findIndex((n) => n.toLowerCase() === name.toLowerCase());
    return index >= 0 ? { table: t, index } : null;
  }

  getItem(name: string): TableColumnProxy {
    return new TableColumnProxy(this.batch, `${this._path}.getItem(${quoteArg(name)})`, () => this.find(name) ?? fail("ItemNotFound", `The column '${name}' doesn't exist.`));
  }

  getItemOrNullObject(name: string): TableColumnProxy {
    return new TableColumnProxy(this.batch, `${this._path}.getItemOrNullObject(${quoteArg(name)})`, () => this.find(name), true);
  }

  add(index?: number | null, values?: unknown[][], name?: string): TableColumnProxy {
    let created: ColumnTarget | undefined;
    this.batch.enqueue({ path: this._path, action: "add", args: [index ?? null, values ?? null, name ?? null] }, () => {
      const table = this.table();
      const header = values && table.showHeaders ? String(values[0]?.[0] ?? "") : undefined;
      const rect = addTableColumn(table, index, name ?? header);
      if (values) writeInputs({ sheet: table.sheet, rect }, values, "columns.add");
      created = { table, index: rect.startCol - table.rect.startCol };
    });
    return new TableColumnProxy(this.batch, `${this._path}.add()`, () => created ?? null);
  }
}

/** Workbook.tables (scope null) or Worksheet.tables. */
export class TableCollectionProxy extends CollectionProxy<TableModel, TableProxy> {
  constructor(batch: Batch, path: string, private readonly scope: () => SheetModel | null) {
    super(batch, path, () => {
      const sheet = scope();
      return batch.model.tables.filter((t) => sheet === null || t.sheet === sheet);
    });
  }

  protected makeItem(table: TableModel, index: number): TableProxy {
    return new TableProxy(this.batch, `${this._path}.items[${index}]`, () => table);
  }

  private find(name: string): TableModel | null {
    const sheet = this.scope();
    const table = this.batch.model.findTable(name);
    return table && (sheet === null || table.sheet === sheet) ? table : null;
  }

  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableModel | undefined;
    this.batch.enqueue({ path: this._path, action: "add", args: [address, hasHeaders] }, () => {
      created = addTable(this.batch.model, ...this.locate(address), hasHeaders);
    });
    return new TableProxy(this.batch, `${this._path}.add(${quoteArg(typeof address === "string" ? address : address._path)})`, () => created ?? null);
  }

  private locate(address: string | RangeProxy): [SheetModel, Rect] {
    if (typeof address !== "string") {
      const t = address.target();
      return [t.sheet, t.rect];
    }
    const sheet = this.scope();
    if (sheet) {
      const t = rangeOnSheet(sheet, address);
      return [t.sheet, t.rect];
    }
    const parsed = parseAddress(address);
    const target = parsed.sheet ? this.batch.model.findSheet(parsed.sheet) : this.batch.model.activeSheet;
    if (!target) return fail("ItemNotFound", `The sheet in '${address}' doesn't exist.`);
    return [target, parsed.rect];
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.batch, `${this._path}.getItem(${quoteArg(name)})`, () => this.find(name) ?? fail("ItemNotFound", `The table '${name}' doesn't exist.`));
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.batch, `${this._path}.getItemOrNullObject(${quoteArg(name)})`, () => this.find(name), true);
  }
}
