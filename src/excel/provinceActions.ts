/**
 * The province workbook in the add-in (issue 16 §1): laying out its assignment sheets, and reading
 * them back as `chitieu assign` reads the file. Two round trips to read (what exists, then every
 * assignment sheet and the rules at once) and one to write, whatever the number of groups and units.
 */
import { presetForYear, ruleSet, textKey } from "../domain";
import { provinceMsg } from "../domain/messages/provinceSheets";
import { parseCell, parseReference } from "../layout/addresses";
import { problem, type Problem } from "../layout/problems";
import { ASSIGNMENT_TABLE_PREFIX, provinceWorkbook, readProvince, type AssignmentTableFound, type ProvinceRead } from "../layout/province";
import { sheetMsg } from "../domain/messages/sheet";
import { RULE_NAMES, SHEETS, type RuleNameKey } from "../layout/schema";
import type { AssignmentSheetsOptions, FeatureSupport, SetupResult } from "../contract/workbook";
import { addNames, createSheetSteps } from "./applyLayout";
import { clearHalfMade, findHalfMade, markSheets, unmarkSheets } from "./halfMade";
import { loadInventory, type Inventory } from "./workbookState";
import { NO_CONTENTS, step, writeProtected } from "./writeProtocol";

const isAssignmentTable = (name: string) => textKey(name).startsWith(textKey(ASSIGNMENT_TABLE_PREFIX));

/**
 * Lay out a province workbook in the open workbook: one "Giao chỉ tiêu N" sheet per group, the
 * decision, and the rules when the workbook has none (rules already there are the province's own).
 * Refused, nothing written, where assignment sheets or a unit sheet already exist.
 */
export async function createAssignmentSheetsAction(context: Excel.RequestContext, options: AssignmentSheetsOptions, features: FeatureSupport): Promise<SetupResult> {
  const loaded = loadInventory(context);
  await context.sync();
  const inventory = loaded();
  const groups = options.groups.map((g) => ({ name: g.name, units: g.units.map((name) => ({ name, head: "", kind: null })) }));
  const full = provinceWorkbook(options.year, groups, ruleSet(presetForYear(options.year)));
  const hasRules = inventory.sheets.includes(SHEETS.rules) && inventory.names.has(RULE_NAMES.preset);
  const layout = hasRules ? { sheets: full.sheets.filter((s) => s.name !== SHEETS.rules), names: [] } : full;
  const halfMade = findHalfMade(inventory, layout.sheets.map((sheet) => sheet.name));
  const existing = [...inventory.tables].find(isAssignmentTable);
  if (existing !== undefined) return { changes: [], problems: [problem(inventory.activeSheet, null, provinceMsg.exists.of(existing))] };
  const problems: Problem[] = [];
  if (inventory.sheets.includes(SHEETS.unit)) problems.push(problem(SHEETS.unit, null, provinceMsg.unitSheets.of(SHEETS.unit)));
  for (const sheet of layout.sheets) {
    if (inventory.sheets.includes(sheet.name) && !halfMade.sheets.has(sheet.name)) problems.push(problem(sheet.name, null, sheetMsg.foreignSheet.of(sheet.name)));
  }
  if (problems.length > 0) return { changes: [], problems };
  const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
  const failed = await writeProtected(context, [], NO_CONTENTS, [
    step(() => {
      clearHalfMade(context, halfMade);
      markSheets(context, layout.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name)));
    }),
    ...layout.sheets.flatMap((sheet) => createSheetSteps(sheetOf(sheet.name), sheet, features)),
    step(() => {
      addNames(context, new Map(layout.sheets.map((sheet) => [sheet.name, sheetOf(sheet.name)()])), layout.names);
      sheetOf(layout.sheets[0].name)().activate();
      unmarkSheets(context, layout.sheets.length);
    }),
  ]);
  if (failed.length > 0) return { changes: [], problems: failed };
  return { changes: layout.sheets.map((sheet) => sheetMsg.createdSheet.of(sheet.name)), problems: [] };
}

/** The cells of a sheet's used range by 0-based row and column, wherever the range starts. */
function usedCells(address: string, values: readonly (readonly unknown[])[]): (row: number, column: number) => unknown {
  const start = parseCell((parseReference(address)?.address ?? "A1").split(":")[0]);
  return (row, column) => values[row - start.row]?.[column - start.column] ?? "";
}

/** Every assignment table and the rules, read as the CLI reads a province file (round trips 1 and 2). */
export async function readProvinceAction(context: Excel.RequestContext): Promise<ProvinceRead> {
  const loaded = loadInventory(context);
  await context.sync();
  const inventory: Inventory = loaded();
  const tables = [...inventory.tables].filter(isAssignmentTable).map((name) => {
    const table = context.workbook.tables.getItem(name);
    return { range: table.getRange().load("address,values"), used: table.worksheet.getUsedRange().load("address,values") };
  });
  const rules = (Object.keys(RULE_NAMES) as RuleNameKey[]).flatMap((key) => {
    const ref = inventory.names.get(RULE_NAMES[key]);
    if (!ref || !inventory.sheets.includes(ref.sheet)) return [];
    return [{ key, range: context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address.split(":")[0]).load("values") }];
  });
  await context.sync();
  const sheets = new Map<string, (row: number, column: number) => unknown>();
  const found: AssignmentTableFound[] = tables.map(({ range, used }) => {
    const ref = parseReference(range.address);
    const sheet = ref?.sheet ?? "";
    sheets.set(sheet, usedCells(used.address, used.values));
    return { sheet, origin: (ref?.address ?? "A1").split(":")[0], values: range.values };
  });
  const ruleValues = Object.fromEntries(rules.map((r) => [r.key, r.range.values[0][0]]));
  return readProvince(found, (sheet, row, column) => sheets.get(sheet)?.(row, column) ?? "", ruleValues);
}
