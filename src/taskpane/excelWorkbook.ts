// The workbook service over the real Excel, with the optional features this Excel supports.
import type { ChiTieuWorkbook } from "../excel/api";
import { createWorkbookService, detectFeatures } from "../excel/workbookService";

export function createExcelWorkbook(): ChiTieuWorkbook {
  return createWorkbookService(
    (batch) => Excel.run(batch),
    detectFeatures((name, version) => Office.context.requirements.isSetSupported(name, version)),
  );
}
