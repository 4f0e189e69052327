import type { Problem } from "../domain";
import { sheetMsg } from "./messages";

export type { Problem };

/** Where a problem is, as the message's prefix: Trang "Chỉ tiêu", ô I12. */
export function locate(sheet: string, cell: string | null): string {
  return cell === null ? sheetMsg.onSheet(sheet) : sheetMsg.atCell(sheet, cell);
}

export function problem(sheet: string, cell: string | null, message: string, severity: Problem["severity"] = "error"): Problem {
  return { sheet, cell, message: sheetMsg.placed(locate(sheet, cell), message), detail: message, severity };
}
