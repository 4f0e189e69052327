import { readFollowUp, type FollowUpPeriod } from "../layout/read";
import type { Problem } from "../layout/problems";
import { NAMES } from "../layout/schema";
import { unitPlace, type UnitPlace } from "../layout/units";
import type { UnitWorkbookRead, WorkbookCells } from "./workbookCells";

/**
 * The follow-up snapshots of a unit workbook read back (unit `place`'s "Theo dõi", "Theo dõi n" in a
 * shared workbook; `read` is that unit's read), none when the sheet is absent.
 */
export function followUpOf(wb: WorkbookCells, read: UnitWorkbookRead, place: UnitPlace = unitPlace(1)): { periods: FollowUpPeriod[]; problems: Problem[] } {
  const year = read.namedValue(NAMES.year);
  if (read.table === null || typeof year !== "number") return { periods: [], problems: [] };
  const sheet = place.followUpSheet;
  return readFollowUp((row, column) => wb.cell(sheet, row, column), read.table.rows, year, sheet);
}
