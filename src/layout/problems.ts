import { sheetMsg } from "./messages";

/** A problem in the workbook, tied to a cell when there is one; messages are Vietnamese, made by the message catalogue (so a screen can translate them). */
export interface Problem {
  readonly sheet: string;
  /** A1 address on `sheet`, or null for a problem of the whole sheet or workbook. */
  readonly cell: string | null;
  /** The whole sentence, starting with where it is (for the CLI and logs). */
  readonly message: string;
  /** The same without the location, for lists that show the sheet and cell beside it. */
  readonly detail: string;
  readonly severity: "error" | "warning";
}

/** Where a problem is, as the message's prefix: Trang "Chỉ tiêu", ô I12. */
export function locate(sheet: string, cell: string | null): string {
  return cell === null ? sheetMsg.onSheet(sheet) : sheetMsg.atCell(sheet, cell);
}

export function problem(sheet: string, cell: string | null, message: string, severity: Problem["severity"] = "error"): Problem {
  return { sheet, cell, message: sheetMsg.placed(locate(sheet, cell), message), detail: message, severity };
}
