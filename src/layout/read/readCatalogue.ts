import { parseCellFlag, parseCellNumber, parseDirection, type Catalogue, type Group, type Indicator } from "../../domain";
import { cellAddress, parseCell } from "../addresses";
import { problem, type Problem } from "../problems";
import type { TableGrid } from "./readUnitTable";
import { CATALOGUE_COLUMNS, type CatalogueColumnKey } from "../schema";
import { columnsByHeader } from "../headers";
import { sheetMsg } from "../../domain/messages/sheet";


/** The province's catalogue from its sheet, with every unreadable cell reported. */
export function readCatalogueTable(grid: TableGrid): { catalogue: Catalogue; problems: Problem[] } {
  const origin = parseCell(grid.origin);
  const columns = columnsByHeader(grid.values[0] ?? [], CATALOGUE_COLUMNS);
  const missing = CATALOGUE_COLUMNS.filter((c) => c.key !== "groupName" && columns[c.key] === undefined);
  const problems: Problem[] = missing.map((c) => problem(grid.sheet, null, sheetMsg.catalogueMissingColumn.of(c.header)));
  if (missing.length > 0) return { catalogue: { groups: [], indicators: [] }, problems };
  const groups = new Map<string, Group>();
  const indicators: Indicator[] = [];
  grid.values.slice(1).forEach((row, i) => {
    const at = (key: CatalogueColumnKey) => (columns[key] === undefined ? "" : row[columns[key] as number]);
    const where = (key: CatalogueColumnKey) => cellAddress(origin.row + 1 + i, origin.column + (columns[key] as number));
    const code = String(at("code") ?? "").trim();
    if (code === "") return;
    const direction = parseDirection(at("direction"));
    const key = parseCellFlag(at("key"));
    const weight = parseCellNumber(at("weight"));
    if (direction === null) problems.push(problem(grid.sheet, where("direction"), sheetMsg.catalogueDirection.of(code, String(at("direction")))));
    if (key.kind === "invalid") problems.push(problem(grid.sheet, where("key"), sheetMsg.catalogueKey.of(code)));
    if (weight.kind !== "value" || weight.value <= 0) problems.push(problem(grid.sheet, where("weight"), sheetMsg.catalogueWeight.of(code)));
    const group = String(at("group") ?? "").trim() || code.split(".")[0];
    if (!groups.has(group)) groups.set(group, { code: group, name: String(at("groupName") ?? "").trim() || null });
    indicators.push({
      code,
      group,
      name: String(at("name") ?? ""),
      unit: String(at("unit") ?? ""),
      direction: direction ?? "increase",
      key: key.kind === "value" && key.value,
      weight: weight.kind === "value" && weight.value > 0 ? weight.value : 1,
    });
  });
  return { catalogue: { groups: [...groups.values()], indicators }, problems };
}
