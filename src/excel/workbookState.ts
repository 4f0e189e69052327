/**
 * Reading the workbook in two round trips: first what exists (sheets, tables, names), then
 * the contents of what was found. Everything is loaded with only the properties read.
 */
import { parseReference } from "../layout/addresses";
import type { TableGrid } from "../layout/read";
import { ROWS_BELOW } from "../layout/rowsBelow";
import { NAMES, RULE_NAMES, SHEETS } from "../layout/schema";
import { placedName, unitPlace, type UnitPlace } from "../layout/units";

/** What exists, from the first round trip. */
export interface Inventory {
  readonly sheets: readonly string[];
  readonly tables: ReadonlySet<string>;
  /** Workbook names and the sheet/cell they point at (null when broken, e.g. #REF!). */
  readonly names: ReadonlyMap<string, { sheet: string; address: string } | null>;
  /** The sheet the user is on, and the tables on it (which unit they are working on). */
  readonly activeSheet: string;
  readonly activeTables: readonly string[];
}

export function loadInventory(context: Excel.RequestContext): () => Inventory {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  const activeTables = context.workbook.worksheets.getActiveWorksheet().tables.load("items/name");
  return () => ({
    activeSheet: active.name,
    activeTables: activeTables.items.map((t) => t.name),
    sheets: sheets.items.map((s) => s.name),
    tables: new Set(tables.items.map((t) => t.name)),
    names: new Map(names.items.map((n) => [n.name, parseReference(n.formula)])),
  });
}

export interface CellRead {
  readonly sheet: string;
  readonly address: string;
  readonly value: unknown;
  readonly formula: unknown;
}

/** Contents of one unit's table and named cells (keyed by their unit-1 names), from the second round trip. */
export interface Contents {
  readonly table: TableGrid | null;
  readonly protectedSheets: ReadonlySet<string>;
  readonly named: ReadonlyMap<string, CellRead>;
}

/** Names read on every action: the unit sheet's inputs and summary, and the rules. */
export const READ_NAMES: readonly string[] = [...Object.values(NAMES), ...Object.values(RULE_NAMES)];

/**
 * What one unit holds: its table, and each read name as that unit holds it (TongDiem_2 for
 * unit 2), so that nothing read or written through `named` is another unit's cell.
 */
export function loadContents(context: Excel.RequestContext, inventory: Inventory, place: UnitPlace = unitPlace(1)): () => Contents {
  // The table and the few rows under it in one range, so a row typed just below is seen too.
  const tableRange = inventory.tables.has(place.table)
    ? context.workbook.tables.getItem(place.table).getRange().getResizedRange(ROWS_BELOW, 0).load("address,values,formulas")
    : null;
  const named = READ_NAMES.flatMap((name) => {
    const ref = inventory.names.get(placedName(name, place));
    if (!ref || !inventory.sheets.includes(ref.sheet)) return [];
    const range = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address.split(":")[0]).load("values,formulas");
    return [{ name, ref, range }];
  });
  const sheetNames = new Set([SHEETS.rules, ...named.map((n) => n.ref.sheet)]);
  const protections = [...sheetNames]
    .filter((sheet) => inventory.sheets.includes(sheet))
    .map((sheet) => ({ sheet, protection: context.workbook.worksheets.getItem(sheet).protection.load("protected") }));
  return () => {
    let table: TableGrid | null = null;
    if (tableRange) {
      const ref = parseReference(tableRange.address);
      const height = tableRange.values.length - ROWS_BELOW;
      if (ref) {
        table = {
          sheet: ref.sheet,
          origin: ref.address.split(":")[0],
          values: tableRange.values.slice(0, height),
          formulas: tableRange.formulas.slice(0, height),
          below: tableRange.values.slice(height),
        };
      }
    }
    const protectedSheets = new Set(protections.filter((p) => p.protection.protected).map((p) => p.sheet));
    return {
      table,
      protectedSheets,
      named: new Map(
        named.map((n) => [
          n.name,
          { sheet: n.ref.sheet, address: n.ref.address.split(":")[0], value: n.range.values[0][0], formula: n.range.formulas[0][0] },
        ]),
      ),
    };
  };
}
