import { Rect, intersect } from "./address";
import { SheetModel, TableModel, WorkbookModel } from "./cellStore";
import { fail } from "./errors";
import { assertUnprotected, columnCount, readValues } from "./rangeOps";

export function headerRect(t: TableModel): Rect | undefined {
  return t.showHeaders ? { ...t.rect, endRow: t.rect.startRow } : undefined;
}

export function bodyRect(t: TableModel): Rect {
  return {
    ...t.rect,
    startRow: t.rect.startRow + (t.showHeaders ? 1 : 0),
    endRow: t.rect.endRow - (t.showTotals ? 1 : 0),
  };
}

export function totalsRect(t: TableModel): Rect | undefined {
  return t.showTotals ? { ...t.rect, startRow: t.rect.endRow } : undefined;
}

export function columnNames(t: TableModel): string[] {
  const header = headerRect(t);
  if (!header) return Array.from({ length: columnCount(t.rect) }, (_, i) => `Column${i + 1}`);
  return readValues({ sheet: t.sheet, rect: header })[0].map(String);
}

function checkName(model: WorkbookModel, name: unknown, self?: TableModel): string {
  if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
    return fail("InvalidArgument", `The table name '${String(name)}' is not valid.`);
  }
  const clash = model.findTable(name);
  if ((clash && clash !== self) || model.findName(name)) fail("InvalidArgument", `The name '${name}' is already in use.`);
  return name;
}

export function renameTable(model: WorkbookModel, table: TableModel, name: unknown): void {
  table.name = checkName(model, name, table);
}

/** Moves the cells of the given columns at or below `fromRow` down by `count` rows. */
function shiftDown(sheet: SheetModel, fromRow: number, count: number, startCol: number, endCol: number): void {
  const moving = [...sheet.cells.entries()]
    .map(([key, cell]) => ({ ...SheetModel.position(key), key, cell }))
    .filter((c) => c.row >= fromRow && c.col >= startCol && c.col <= endCol)
    .sort((a, b) => b.row - a.row);
  for (const c of moving) {
    sheet.cells.delete(c.key);
    sheet.cells.set(SheetModel.key(c.row + count, c.col), c.cell);
  }
  sheet.workbookDirty();
}

/** Excel.TableCollection.add: rejects overlaps with other tables; without headers a header row is inserted. */
export function addTable(model: WorkbookModel, sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
  assertUnprotected(sheet, "add a table");
  let tableRect = { ...rect };
  if (!hasHeaders) {
    shiftDown(sheet, rect.startRow, 1, rect.startCol, rect.endCol);
    tableRect = { ...rect, endRow: rect.endRow + 1 };
  }
  if (tableRect.endRow === tableRect.startRow) tableRect.endRow++; // a table always has a body row
  if (model.tables.some((t) => t.sheet === sheet && intersect(t.rect, tableRect))) {
    fail("InvalidArgument", "A table can't overlap another table.");
  }
  const id = model.nextTableId();
  let n = id;
  while (model.findTable(`Table${n}`)) n++;
  const table: TableModel = {
    id, name: `Table${n}`, sheet, rect: tableRect, style: "TableStyleMedium2", showTotals: false, showBandedRows: true, showHeaders: true,
  };
  if (!hasHeaders) {
    for (let c = rect.startCol; c <= rect.endCol; c++) sheet.setContent(rect.startRow, c, { value: `Column${c - rect.startCol + 1}`, formula: null });
  }
  model.tables.push(table);
  return table;
}

/** TableRowCollection.add: inserts body rows at `index` (default: end), shifting the cells below in the table's columns. */
export function addTableRows(table: TableModel, index: number | null | undefined, values: unknown): Rect {
  assertUnprotected(table.sheet, "add table rows");
  const body = bodyRect(table);
  const bodyRows = body.endRow - body.startRow + 1;
  const at = index === null || index === undefined ? bodyRows : index;
  if (!Number.isInteger(at) || at < 0 || at > bodyRows) fail("InvalidArgument", "The row index is out of range.");
  const count = Array.isArray(values) ? values.length : 1;
  const insertRow = body.startRow + at;
  shiftDown(table.sheet, insertRow, count, table.rect.startCol, table.rect.endCol);
  table.rect = { ...table.rect, endRow: table.rect.endRow + count };
  return { startRow: insertRow, endRow: insertRow + count - 1, startCol: table.rect.startCol, endCol: table.rect.endCol };
}

/** TableColumnCollection.add: appends (or inserts) a column; its header is `name` or ColumnN. */
export function addTableColumn(table: TableModel, index: number | null | undefined, name: string | undefined): Rect {
  assertUnprotected(table.sheet, "add a table column");
  const width = columnCount(table.rect);
  const at = index === null || index === undefined ? width : index;
  if (!Number.isInteger(at) || at < 0 || at > width) fail("InvalidArgument", "The column index is out of range.");
  const col = table.rect.startCol + at;
  // Shift the cells right of the insertion point within the table rows.
  const moving = [...table.sheet.cells.entries()]
    .map(([key, cell]) => ({ ...SheetModel.position(key), key, cell }))
    .filter((c) => c.col >= col && c.row >= table.rect.startRow && c.row <= table.rect.endRow)
    .sort((a, b) => b.col - a.col);
  for (const c of moving) {
    table.sheet.cells.delete(c.key);
    table.sheet.cells.set(SheetModel.key(c.row, c.col + 1), c.cell);
  }
  table.rect = { ...table.rect, endCol: table.rect.endCol + 1 };
  if (table.showHeaders) table.sheet.setContent(table.rect.startRow, col, { value: name ?? `Column${width + 1}`, formula: null });
  table.sheet.workbookDirty();
  return { startRow: table.rect.startRow, endRow: table.rect.endRow, startCol: col, endCol: col };
}

/** Table.delete removes the table object and its cells' contents. */
export function deleteTable(model: WorkbookModel, table: TableModel): void {
  assertUnprotected(table.sheet, "delete a table");
  for (const { row, col } of table.sheet.cellsIn(table.rect)) table.sheet.setContent(row, col, { value: null, formula: null });
  model.tables.splice(model.tables.indexOf(table), 1);
}
