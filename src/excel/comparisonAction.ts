/**
 * The live comparison of the units of one workbook ("So sánh" and "Hạn mức"), built on request.
 */
import { DEFAULT_CATALOGUE } from "../domain";
import { problem, readCatalogueTable, readUnitTable, TABLES, type Problem, type TableGrid } from "../layout";
import type { FeatureSupport, SetupResult } from "../contract/workbook";
import { parseCell, parseReference } from "../layout/addresses";
import { createSheetSteps } from "./applyLayout";
import { loadInventory } from "./workbookState";
import { sheetMsg } from "../domain/messages/sheet";
import { unitPlaces } from "../layout/units";
import { COMPARISON_SHEETS } from "../layout/comparison";
import { LIVE_KINDS, LIVE_QUOTA_FIRST_ROW, liveComparisonWorkbook, liveTotalKinds } from "../layout/comparison";
import { noTable } from "./readProtocol";
import { writeProtected, step, NO_CONTENTS } from "./writeProtocol";
import { CHART_SHEET } from "../layout/comparison";
import { isPublicTable, PUBLIC_SHEET, typedPublicHeader } from "../layout/comparison";
import { liveKindLabel, livePublicTableSheet } from "../layout/comparison";
import { NAMES } from "../layout/schema";
import { placedName } from "../layout/units";
import { comparisonChartSteps } from "./comparisonCharts";

/** A range's values placed as if it started at A1 (a used range may start further in). */
function anchoredAtA1(address: string, values: unknown[][]): unknown[][] {
  const { row, column } = parseCell((parseReference(address)?.address ?? "A1").split(":")[0]);
  return [...Array.from({ length: row }, () => []), ...values.map((r) => [...Array.from({ length: column }, () => ""), ...r])];
}

/** What "So sánh" needs: each unit's table and the catalogue, in one round trip after the inventory. */
export async function comparisonAction(context: Excel.RequestContext, features: FeatureSupport): Promise<SetupResult> {
  const loaded = loadInventory(context);
  await context.sync();
  const inventory = loaded();
  const units = unitPlaces(inventory.tables.keys());
  if (units.length === 0) return { changes: [], problems: [noTable()] };
  const grid = (name: string) => {
    const range = context.workbook.tables.getItem(name).getRange().load("address,values");
    return (): TableGrid => {
      const ref = parseReference(range.address);
      return { sheet: ref?.sheet ?? "", origin: (ref?.address ?? "A1").split(":")[0], values: range.values, formulas: range.values };
    };
  };
  // The name and kind each unit shows now: they size the public table's rows.
  const typed = (name: string) => {
    const ref = inventory.names.get(name);
    return ref && inventory.sheets.includes(ref.sheet) ? context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address.split(":")[0]).load("values") : null;
  };
  const tables = units.map((place) => ({ place, grid: grid(place.table), name: typed(placedName(NAMES.unitName, place)), kind: typed(placedName(NAMES.unitKind, place)) }));
  const catalogueGrid = inventory.tables.has(TABLES.catalogue) ? grid(TABLES.catalogue) : null;
  const ours = [...Object.values(COMPARISON_SHEETS), CHART_SHEET, PUBLIC_SHEET]
    .filter((sheet) => inventory.sheets.includes(sheet))
    .map((sheet) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      // The public table is read whole: its typed header and signature lines are carried over.
      return { sheet, range: (sheet === PUBLIC_SHEET ? ws.getUsedRange() : ws.getRange(`A1:H${LIVE_QUOTA_FIRST_ROW + LIVE_KINDS.length}`)).load("address,values") };
    });
  await context.sync();
  const problems: Problem[] = [];
  // A sheet of that name is rebuilt only when it is one of ours (its title says so).
  const fromA1 = (range: Excel.Range) => anchoredAtA1(range.address, range.values);
  const isOurs = (sheet: string, values: unknown[][]) =>
    sheet === PUBLIC_SHEET ? isPublicTable(values) : /^(SO SÁNH|HẠN MỨC|BIỂU ĐỒ)/.test(String(values[0][0] ?? ""));
  for (const found of ours) if (!isOurs(found.sheet, fromA1(found.range))) problems.push(problem(found.sheet, null, sheetMsg.foreignSheet.of(found.sheet)));
  const live = tables.flatMap(({ place, grid, name, kind }) => {
    const table = grid();
    const read = readUnitTable(table);
    problems.push(...read.problems.filter((p) => p.severity === "error"));
    const shownName = String(name?.values[0][0] ?? "").trim() || table.sheet;
    return read.letters
      ? [{ place, sheet: table.sheet, letters: read.letters, firstRow: read.firstRow, lastRow: read.lastRow, name: shownName, kind: liveKindLabel(kind?.values[0][0]) }]
      : [];
  });
  const catalogue = catalogueGrid ? readCatalogueTable(catalogueGrid()) : null;
  problems.push(...(catalogue?.problems ?? []));
  if (problems.some((p) => p.severity === "error")) return { changes: [], problems };
  // The committee's "x" marks for exceptional kinds are kept.
  const quota = ours.find((found) => found.sheet === COMPARISON_SHEETS.quota)?.range.values ?? [];
  const exceptional = new Set(
    quota
      .slice(LIVE_QUOTA_FIRST_ROW - 1)
      .filter((r) => LIVE_KINDS.includes(String(r[0])) && String(r[7] ?? "").trim() !== "")
      .map((r) => String(r[0])),
  );
  const indicators = (catalogue?.catalogue ?? DEFAULT_CATALOGUE).indicators;
  const previous = ours.find((found) => found.sheet === PUBLIC_SHEET);
  const comparison = liveComparisonWorkbook(live, indicators, exceptional);
  const layout = { sheets: [...comparison.sheets, livePublicTableSheet(live, typedPublicHeader(previous ? fromA1(previous.range) : []))] };
  const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
  const failed = await writeProtected(context, [], NO_CONTENTS, [
    step(() => {
      for (const found of ours) context.workbook.worksheets.getItem(found.sheet).delete();
      for (const sheet of layout.sheets) context.workbook.worksheets.add(sheet.name);
    }),
    ...layout.sheets.flatMap((sheet) => createSheetSteps(sheetOf(sheet.name), sheet, features)),
    ...comparisonChartSteps(context, live.length, indicators, features, liveTotalKinds(live)),
    step(() => sheetOf(COMPARISON_SHEETS.comparison)().activate()),
  ]);
  if (failed.length > 0) return { changes: [], problems: failed };
  return { changes: [sheetMsg.builtComparison.of(live.length)], problems: [] };
}
