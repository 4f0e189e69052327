import { readFollowUp, type FollowUpPeriod } from "../layout/read";
import type { Problem } from "../layout/problems";
import { FOLLOW_UP_SHEET } from "../layout/unit";
import { NAMES } from "../layout/schema";
import { namedValue, type UnitWorkbookRead, type WorkbookCells } from "./workbookCells";

/** The follow-up snapshots of a unit workbook read back ("Theo dõi"), none when the sheet is absent. */
export function followUpOf(wb: WorkbookCells, read: UnitWorkbookRead): { periods: FollowUpPeriod[]; problems: Problem[] } {
  const year = namedValue(wb, NAMES.year);
  if (read.table === null || typeof year !== "number") return { periods: [], problems: [] };
  return readFollowUp((row, column) => wb.cell(FOLLOW_UP_SHEET, row, column), read.table.rows, year);
}
