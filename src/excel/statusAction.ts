/**
 * What the pane shows about the workbook: its units, the active one, its heading and levels.
 */
import { PRESETS, textKey, UNIT_KIND_NAMES, type UnitKind } from "../domain";
import { NAMES, readLevels, RULE_NAMES, TABLES } from "../layout";
import type { FeatureSupport, WorkbookStatus } from "../contract/workbook";
import type { Contents } from "./workbookState";
import { readWorkbook, namedValue, lookup } from "./readProtocol";

export async function statusAction(context: Excel.RequestContext, features: FeatureSupport): Promise<WorkbookStatus> {
  const snapshot = await readWorkbook(context);
  const { inventory, contents } = snapshot;
  const text = (name: string) => String(namedValue(contents, name) ?? "");
  const year = Number(namedValue(contents, NAMES.year));
  const preset = namedValue(contents, RULE_NAMES.preset);
  return {
    units: snapshot.unitNames.map((u) => ({ sheet: u.sheet, unitName: u.unitName, active: snapshot.chosen && u.place.index === snapshot.place.index })),
    unitChosen: snapshot.chosen,
    hasUnitSheet: contents.table !== null,
    hasCatalogue: inventory.tables.has(TABLES.catalogue),
    hasRules: inventory.names.has(RULE_NAMES.preset),
    unitSheetName: contents.table?.sheet ?? null,
    unitName: text(NAMES.unitName),
    unitKind: unitKindOf(text(NAMES.unitKind)),
    head: text(NAMES.head),
    ...levelsOf(contents),
    year: Number.isInteger(year) && year > 0 ? year : null,
    preset: typeof preset === "string" && preset in PRESETS ? (preset as keyof typeof PRESETS) : null,
    rowCount: contents.table ? Math.max(0, contents.table.values.length - 1) : 0,
    features,
  };
}

function levelsOf(contents: Contents) {
  const { unitLevel, civilServantLevel, finalLevel } = readLevels(lookup(contents));
  return { unitLevel, civilServantLevel, finalLevel };
}

function unitKindOf(text: string): UnitKind | null {
  const found = (Object.entries(UNIT_KIND_NAMES) as [UnitKind, string][]).find(([, name]) => textKey(name) === textKey(text));
  return found ? found[0] : null;
}
