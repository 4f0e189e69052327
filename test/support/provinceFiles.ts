import { DEFAULT_CATALOGUE } from "../../src/domain";
import { sharedWorkbook, unitWorkbook, type UnitValues, type UnitWorkbookParams } from "../../src/layout";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { values } from "./unitFiles";

/** Every indicator met, the first `exceeded` of them exceeded: 3 of 18 is 16,67 %, excellent only under a lowered share. */
export function someExceeded(exceeded: number): Map<string, UnitValues> {
  const met = values(DEFAULT_CATALOGUE, "good");
  const over = values(DEFAULT_CATALOGUE, "excellent");
  return new Map(DEFAULT_CATALOGUE.indicators.map((ind, i) => [ind.code, (i < exceeded && ind.direction !== "milestone" ? over : met).get(ind.code) as UnitValues]));
}

/** A district of 2025, every indicator met, 25 common points, unless `o` says otherwise. */
export function districtParams(unit: string, o: Partial<UnitWorkbookParams> = {}): UnitWorkbookParams {
  return { unitName: unit, unitKind: "district", head: "", year: 2025, values: values(DEFAULT_CATALOGUE, "good"), commonScore: 25, ...o };
}

/** The .xlsx bytes of one unit's workbook, or of a workbook shared by several units. */
export function unitBytes(p: UnitWorkbookParams | readonly UnitWorkbookParams[]): Promise<Uint8Array> {
  return writeXlsx(Array.isArray(p) ? sharedWorkbook(p) : unitWorkbook(p as UnitWorkbookParams));
}
