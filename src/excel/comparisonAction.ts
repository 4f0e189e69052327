/**
 * The live comparison of the units of one workbook ("So sánh" and "Hạn mức"), built on request.
 */
import { DEFAULT_CATALOGUE } from "../domain";
import { problem, readCatalogueTable, readUnitTable, TABLES, type Problem, type TableGrid } from "../layout";
import type { FeatureSupport, SetupResult } from "../contract/workbook";
import { parseReference } from "../layout/addresses";
import { createSheetSteps } from "./applyLayout";
import { loadInventory } from "./workbookState";
import { sheetMsg } from "../layout/messages";
import { unitPlaces } from "../layout/units";
import { COMPARISON_SHEETS } from "../layout/comparisonSheet";
import { LIVE_KINDS, LIVE_QUOTA_FIRST_ROW, liveComparisonWorkbook } from "../layout/liveComparison";
import { noTable } from "./readProtocol";
import { writeProtected, step, NO_CONTENTS } from "./writeProtocol";
import { CHART_SHEET } from "../layout/chartSheet";
import { comparisonChartSteps } from "./comparisonCharts";

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
  const tables = units.map((place) => ({ place, grid: grid(place.table) }));
  const catalogueGrid = inventory.tables.has(TABLES.catalogue) ? grid(TABLES.catalogue) : null;
  const ours = [...Object.values(COMPARISON_SHEETS), CHART_SHEET]
    .filter((sheet) => inventory.sheets.includes(sheet))
    .map((sheet) => ({ sheet, range: context.workbook.worksheets.getItem(sheet).getRange(`A1:H${LIVE_QUOTA_FIRST_ROW + LIVE_KINDS.length}`).load("values") }));
  await context.sync();
  const problems: Problem[] = [];
  // A sheet of that name is rebuilt only when it is one of ours (its title says so).
  const isOurs = (values: unknown[][]) => /^(SO SÁNH|HẠN MỨC|BIỂU ĐỒ)/.test(String(values[0][0] ?? ""));
  for (const found of ours) if (!isOurs(found.range.values)) problems.push(problem(found.sheet, null, sheetMsg.foreignSheet(found.sheet)));
  const live = tables.flatMap(({ place, grid }) => {
    const table = grid();
    const read = readUnitTable(table);
    problems.push(...read.problems.filter((p) => p.severity === "error"));
    return read.letters ? [{ place, sheet: table.sheet, letters: read.letters, firstRow: read.firstRow, lastRow: read.lastRow }] : [];
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
  const layout = liveComparisonWorkbook(live, indicators, exceptional);
  const sheetOf = (name: string) => () => context.workbook.worksheets.getItem(name);
  const failed = await writeProtected(context, [], NO_CONTENTS, [
    step(() => {
      for (const found of ours) context.workbook.worksheets.getItem(found.sheet).delete();
      for (const sheet of layout.sheets) context.workbook.worksheets.add(sheet.name);
    }),
    ...layout.sheets.flatMap((sheet) => createSheetSteps(sheetOf(sheet.name), sheet, features)),
    ...comparisonChartSteps(context, live.length, indicators, features),
    step(() => sheetOf(COMPARISON_SHEETS.comparison)().activate()),
  ]);
  if (failed.length > 0) return { changes: [], problems: failed };
  return { changes: [sheetMsg.builtComparison(live.length)], problems: [] };
}
