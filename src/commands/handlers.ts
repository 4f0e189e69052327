// Ribbon command handlers, one exported function per manifest <FunctionName>. Kept free of
// registration side effects so tests can import them without Office.js.
import type { ChiTieuWorkbook, EvaluationReport, Problem } from "../contract/workbook";
import { officeDisplayLanguage, showNoticeDialog } from "../excel/officeUi";
import { languageFor, loadStrings } from "../i18n/strings";
import { completeEvaluateCommand } from "./evaluateCommand";
import { evaluationNotice, noticeUrl, printNotice } from "./notice";
import { completePrintCommand } from "./printCommand";

let excelWorkbook: Promise<ChiTieuWorkbook> | undefined;

/**
 * Loaded and created on first use: the workbook service (with the layout it writes) is most of the
 * ribbon's code, so the function file fetches it only when a button is clicked (chunk "workbook", the one the pane loads), and
 * Office.js must have started before requirement sets can be read. A failed load is retried next time.
 */
function loadWorkbook(): Promise<ChiTieuWorkbook> {
  excelWorkbook ??= import(/* webpackChunkName: "workbook" */ "../excel/host").then((host) => host.createExcelWorkbook());
  excelWorkbook.catch(() => (excelWorkbook = undefined));
  return excelWorkbook;
}

/** The command's `run` with the loaded workbook; a workbook that cannot be loaded still completes the event. */
async function withWorkbook(
  event: Office.AddinCommands.Event,
  run: (workbook: () => ChiTieuWorkbook) => Promise<void>,
): Promise<void> {
  let workbook: ChiTieuWorkbook;
  try {
    workbook = await loadWorkbook();
  } catch (error) {
    console.error("[chitieu] the ribbon could not load the workbook service", error);
    event.completed();
    return;
  }
  await run(() => workbook);
}

/** "Đánh giá" button: evaluates the unit sheet (see evaluateCommand.ts for how it reports). */
export function evaluateActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  return withWorkbook(event, (workbook) => completeEvaluateCommand(workbook, event, showResult));
}

/** "In" button: builds the signed document, or says which data errors refuse it (printCommand.ts). */
export function printActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  return withWorkbook(event, (workbook) => completePrintCommand(workbook, event, showPrintResult));
}

const noticePage = () => new URL("notice.html", window.location.href).href;

/** Office's UI language, its catalogue loaded (English is a chunk of its own); Vietnamese if that fails. */
async function noticeLanguage() {
  const language = languageFor(officeDisplayLanguage());
  return loadStrings(language).then(
    () => language,
    () => "vi" as const,
  );
}

/** The result in a small dialog (notice.html), in Office's UI language. */
async function showResult(report: EvaluationReport): Promise<void> {
  return showNoticeDialog(noticeUrl(noticePage(), evaluationNotice(report, await noticeLanguage())));
}

async function showPrintResult(problems: readonly Problem[]): Promise<void> {
  return showNoticeDialog(noticeUrl(noticePage(), printNotice(problems, await noticeLanguage())));
}

/** Every ExecuteFunction the manifest names, by that name (the manifest test checks both ways). */
export const commandHandlers: Readonly<Record<string, (event: Office.AddinCommands.Event) => Promise<void>>> = {
  evaluateActiveSheet,
  printActiveSheet,
};
