// The Office host: the workbook service over the real Excel, and (re-exported from officeUi.ts)
// the start-up facts from Office.js, reduced to what the shell needs.
import type { ChiTieuWorkbook } from "../contract/workbook";
import { createWorkbookService, detectFeatures } from "./workbookService";

/** The workbook service over the real Excel, with the optional features this Excel supports. */
export function createExcelWorkbook(): ChiTieuWorkbook {
  return createWorkbookService(
    (batch) => Excel.run(batch),
    detectFeatures((name, version) => Office.context.requirements.isSetSupported(name, version)),
  );
}

// Office.js calls that need no workbook service (start-up facts, ribbon registration, dialogs) live
// in officeUi.ts, so the pane and the ribbon can load the service as a chunk of its own.
export {
  closeNoticeDialog,
  officeDisplayLanguage,
  registerCommands,
  showNoticeDialog,
  waitForOffice,
  type Startup,
} from "./officeUi";
