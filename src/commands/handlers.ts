// Ribbon command handlers, one exported function per manifest <FunctionName>. Kept free of
// registration side effects so tests can import them without Office.js.
import type { ChiTieuWorkbook, EvaluationReport, Problem } from "../excel/api";
import { createExcelWorkbook, officeDisplayLanguage, showNoticeDialog } from "../excel/host";
import { languageFor } from "../i18n/strings";
import { completeEvaluateCommand } from "./evaluateCommand";
import { evaluationNotice, noticeUrl, printNotice } from "./notice";
import { completePrintCommand } from "./printCommand";

let excelWorkbook: ChiTieuWorkbook | undefined;

/** Created on first use: Office.js must have started before requirement sets can be read. */
function workbook(): ChiTieuWorkbook {
  excelWorkbook ??= createExcelWorkbook();
  return excelWorkbook;
}

/** "Đánh giá" button: evaluates the unit sheet (see evaluateCommand.ts for how it reports). */
export function evaluateActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  return completeEvaluateCommand(workbook, event, showResult);
}

/** "In" button: builds the signed document, or says which data errors refuse it (printCommand.ts). */
export function printActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  return completePrintCommand(workbook, event, showPrintResult);
}

const noticePage = () => new URL("notice.html", window.location.href).href;

/** The result in a small dialog (notice.html), in Office's UI language. */
function showResult(report: EvaluationReport): Promise<void> {
  return showNoticeDialog(noticeUrl(noticePage(), evaluationNotice(report, languageFor(officeDisplayLanguage()))));
}

function showPrintResult(problems: readonly Problem[]): Promise<void> {
  return showNoticeDialog(noticeUrl(noticePage(), printNotice(problems, languageFor(officeDisplayLanguage()))));
}

/** Every ExecuteFunction the manifest names, by that name (the manifest test checks both ways). */
export const commandHandlers: Readonly<Record<string, (event: Office.AddinCommands.Event) => Promise<void>>> = {
  evaluateActiveSheet,
  printActiveSheet,
};
