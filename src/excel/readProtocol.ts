/**
 * The read protocol every action starts with: round trip 1 finds what exists (sheets, tables,
 * names, the active sheet and so the active unit), round trip 2 loads the contents the action
 * needs; `analyse` then computes everything check and evaluate report, without Office.js.
 */
import { evaluate, type Catalogue, type RuleSet } from "../domain";
import { evaluateUnitTable, isEmptyPlan, NAMES, parityProblems, planRepairs, sheetTotals, readLevels, problem, readCatalogueTable, readCriteriaTable, scoreCriteriaTable, readRules, readUnitTable, RULE_NAMES, SHEETS, TABLES, type NamedLookup, type Problem, type RuleNameKey, type TableGrid } from "../layout";
import { parseReference } from "../layout/addresses";
import { loadContents, loadInventory, type Contents, type Inventory } from "./workbookState";
import { sheetMsg } from "../domain/messages/sheet";
import { chooseUnit, placedName, unitPlace, type UnitPlace } from "../layout/units";

export interface Snapshot {
  readonly inventory: Inventory;
  /** The unit read: the active one, or (when the user must choose) the first, for display only. */
  readonly place: UnitPlace;
  /** False when the workbook has several units and the user is on none of their sheets. */
  readonly chosen: boolean;
  readonly units: readonly UnitPlace[];
  /** Each unit's sheet and name, as its TenDonVi cell says. */
  readonly unitNames: readonly { readonly place: UnitPlace; readonly sheet: string; readonly unitName: string }[];
  readonly contents: Contents;
  readonly catalogue: { readonly catalogue: Catalogue; readonly problems: readonly Problem[] } | null;
  /** The common-criteria table, whose entries the checks point at. */
  readonly criteria: TableGrid | null;
}

/** The unit the user is on (by the active sheet's tables, names and name), null when they must choose; and all units. */
export function unitChoice(inventory: Inventory): { place: UnitPlace | null; units: UnitPlace[] } {
  const activeNames = [...inventory.names].filter(([, ref]) => ref?.sheet === inventory.activeSheet).map(([name]) => name);
  return chooseUnit(inventory.tables.keys(), inventory.activeTables, activeNames, inventory.activeSheet);
}

/**
 * Round trips 1 and 2: what exists, then its contents, and (for set-up from the workbook's own
 * catalogue) the catalogue table in the same second round trip.
 */
export async function readWorkbook(context: Excel.RequestContext, withCatalogue = false): Promise<Snapshot> {
  const inventory = loadInventory(context);
  await context.sync();
  const found = inventory();
  const choice = unitChoice(found);
  const place = choice.place ?? choice.units[0] ?? unitPlace(1);
  const contents = loadContents(context, found, place);
  const unitNames = choice.units.flatMap((unit) => {
    const ref = found.names.get(placedName(NAMES.unitName, unit));
    if (!ref || !found.sheets.includes(ref.sheet)) return [];
    const range = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address).load("values");
    return [{ place: unit, sheet: ref.sheet, range }];
  });
  const table = (name: string) => {
    const range = found.tables.has(name) ? context.workbook.tables.getItem(name).getRange().load("address,values") : null;
    return (): TableGrid | null => {
      const ref = range ? parseReference(range.address) : null;
      return range && ref ? { sheet: ref.sheet, origin: ref.address.split(":")[0], values: range.values, formulas: range.values } : null;
    };
  };
  const catalogueTable = withCatalogue ? table(TABLES.catalogue) : () => null;
  const criteriaTable = table(place.criteriaTable);
  await context.sync();
  const catalogueGrid = catalogueTable();
  return {
    inventory: found,
    place,
    chosen: choice.place !== null,
    units: choice.units,
    unitNames: unitNames.map((u) => ({ place: u.place, sheet: u.sheet, unitName: String(u.range.values[0][0] ?? "") })),
    contents: contents(),
    catalogue: catalogueGrid ? readCatalogueTable(catalogueGrid) : null,
    criteria: criteriaTable(),
  };
}

export function namedValue(contents: Contents, name: string): unknown {
  return contents.named.get(name)?.value;
}

export function rulesOf(contents: Contents): { rules: RuleSet; problems: Problem[] } {
  const values = Object.fromEntries((Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(contents, RULE_NAMES[key])]));
  return readRules(values);
}

export const lookup = (contents: Contents): NamedLookup => (name) => contents.named.get(name);

/** Why there is no unit to work on: none set up yet, or several and the user is on none of them. */
export const noTable = (snapshot?: Snapshot): Problem =>
  snapshot && !snapshot.chosen
    ? problem(snapshot.inventory.activeSheet, null, sheetMsg.chooseUnit.of(snapshot.unitNames.map((u) => u.sheet)))
    : problem(SHEETS.unit, null, sheetMsg.noUnitTable.of(TABLES.unit));

/** Everything evaluate and check need, computed from one read. */
export function analyse(snapshot: Snapshot, restoreFormulas: boolean) {
  const { contents } = snapshot;
  const rules = rulesOf(contents);
  const table = contents.table;
  if (!table || !snapshot.chosen) return null;
  const read = readUnitTable(table);
  const evaluated = read.letters
    ? evaluateUnitTable(read, table.sheet, rules.rules, lookup(contents))
    : { evaluation: evaluate({ indicators: [] }), problems: [] };
  const levels = readLevels(lookup(contents));
  const plan = planRepairs(table, read, contents.named, restoreFormulas, snapshot.place);
  const criteria = snapshot.criteria ? scoreCriteriaTable(readCriteriaTable(snapshot.criteria), snapshot.criteria.sheet, rules.rules.commonMaxPoints).problems : [];
  // Excel's own TongDiem and XepLoaiDeXuat, read in the same round trip, must equal the engine's
  // (issue 17 §7); while formulas are still to be put back the sheet's values are not yet the layout's.
  const parity = read.letters && isEmptyPlan(plan) ? parityProblems(contents.named, evaluated.evaluation) : [];
  const problems = [...rules.problems, ...read.problems, ...evaluated.problems, ...criteria, ...plan.problems, ...levels.problems, ...parity];
  return { table, read, evaluated, levels, plan, problems, sheet: sheetTotals(contents.named) };
}

export type Analysis = NonNullable<ReturnType<typeof analyse>>;
