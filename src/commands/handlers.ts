// Ribbon command handlers, one exported function per manifest <FunctionName>. Kept free of
// registration side effects so tests can import them without Office.js.
import type { ChiTieuWorkbook } from "../excel/api";
import { createExcelWorkbook } from "../excel/host";
import { completeEvaluateCommand } from "./evaluateCommand";

let excelWorkbook: ChiTieuWorkbook | undefined;

/** Created on first use: Office.js must have started before requirement sets can be read. */
function workbook(): ChiTieuWorkbook {
  excelWorkbook ??= createExcelWorkbook();
  return excelWorkbook;
}

/** "Đánh giá" button: evaluates the unit sheet (see evaluateCommand.ts for how it reports). */
export function evaluateActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  return completeEvaluateCommand(workbook, event);
}

/** Every ExecuteFunction the manifest names, by that name (the manifest test checks both ways). */
export const commandHandlers: Readonly<Record<string, (event: Office.AddinCommands.Event) => Promise<void>>> = {
  evaluateActiveSheet,
};
