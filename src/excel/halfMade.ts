/**
 * Set-up writes a new sheet in many operations, over more than one round trip when it is large,
 * and Excel keeps the operations that ran before a failure. So set-up marks each sheet it creates
 * with a workbook name in its first write and deletes the marks in its last: marks found later
 * are sheets a stopped set-up left half made, which the next set-up deletes and makes again.
 */
import type { Inventory } from "./workbookState";

const MARK_PREFIX = "ChiTieu_DangTao_";

export interface HalfMade {
  /** Marks left by a set-up that stopped. */
  readonly marks: readonly string[];
  /** Sheets they mark that still have the name set-up gave them (a renamed one is the user's now). */
  readonly sheets: ReadonlySet<string>;
}

export function findHalfMade(inventory: Inventory, layoutSheets: readonly string[]): HalfMade {
  const marks = [...inventory.names.keys()].filter((name) => name.startsWith(MARK_PREFIX));
  const sheets = marks.flatMap((mark) => {
    const sheet = inventory.names.get(mark)?.sheet;
    return sheet !== undefined && layoutSheets.includes(sheet) && inventory.sheets.includes(sheet) ? [sheet] : [];
  });
  return { marks, sheets: new Set(sheets) };
}

/** Queue: delete a stopped set-up's marks and half-made sheets, so they can be created again. */
export function clearHalfMade(context: Excel.RequestContext, halfMade: HalfMade): void {
  for (const mark of halfMade.marks) context.workbook.names.getItem(mark).delete();
  for (const sheet of halfMade.sheets) context.workbook.worksheets.getItem(sheet).delete();
}

/** Queue: mark the sheets being created (right after adding them). */
export function markSheets(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[]): void {
  sheets.forEach((ws, i) => context.workbook.names.add(`${MARK_PREFIX}${i + 1}`, ws.getRange("A1")));
}

/** Queue: the sheets are complete (set-up's last operation). */
export function unmarkSheets(context: Excel.RequestContext, count: number): void {
  for (let i = 0; i < count; i++) context.workbook.names.getItem(`${MARK_PREFIX}${i + 1}`).delete();
}
