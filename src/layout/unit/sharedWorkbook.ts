import { DEFAULT_CATALOGUE, kindName } from "../../domain";
import { liveComparisonWorkbook, type LiveUnit } from "../comparison";
import { livePublicTableSheet } from "../comparison";
import type { WorkbookLayout } from "../types";
import { DEFAULT_LETTERS, unitSheetPositions } from "./unitSheet";
import { unitPlace, unitSheetsOf } from "../units";
import { followUpSheets, unitWorkbook, type UnitWorkbookParams } from "./workbook";

/**
 * One workbook for several units (issue 8 §1), written in one go (CLI, tests): the first unit's
 * whole workbook with the shared catalogue and rules (taken from the first unit's parameters),
 * then each further unit's own sheets (with its own "Theo dõi n" when its parameters ask for a
 * follow-up sheet), and, when asked, the live "So sánh", "Hạn mức" and "Công khai".
 */
export function sharedWorkbook(units: readonly UnitWorkbookParams[], options: { readonly comparison?: boolean; readonly exceptional?: ReadonlySet<string> } = {}): WorkbookLayout {
  if (units.length === 0) throw new Error("A shared workbook needs at least one unit.");
  const catalogue = units[0].catalogue ?? DEFAULT_CATALOGUE;
  const parts = units.map((params, i) => {
    if (i === 0) return unitWorkbook(params);
    const place = unitPlace(i + 1);
    const own = unitSheetsOf(unitWorkbook({ ...params, catalogue, preset: units[0].preset, rules: units[0].rules, withFollowUp: false }), place);
    return { sheets: [...own.sheets, ...followUpSheets(params, catalogue.indicators, place)], names: own.names };
  });
  const { firstRow, lastRow } = unitSheetPositions(catalogue.indicators.length);
  const live: LiveUnit[] = units.map((params, i) => {
    const place = unitPlace(i + 1);
    return { place, sheet: place.sheet, letters: DEFAULT_LETTERS, firstRow, lastRow, name: params.unitName.trim() || place.sheet, kind: kindName(params.unitKind ?? null) };
  });
  const comparison = options.comparison ? [liveComparisonWorkbook(live, catalogue.indicators, options.exceptional), { sheets: [livePublicTableSheet(live)], names: [] }] : [];
  const all = [...parts, ...comparison];
  return { sheets: all.flatMap((p) => p.sheets), names: all.flatMap((p) => p.names) };
}
