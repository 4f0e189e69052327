import { readXlsxWorkbook, type UnitWorkbookRead } from "./workbookCells";
import { openXlsx } from "./xlsxParts";

export { readWorkbookCells, readXlsxWorkbook, type UnitWorkbookRead, type WorkbookCells } from "./workbookCells";

/**
 * A unit workbook read from an .xlsx file with the CLI's narrow reader (no ExcelJS): the zip is
 * checked against bombs, then the rules, tables and named cells are read and evaluated.
 */
export async function readUnitWorkbook(data: Uint8Array | ArrayBuffer): Promise<UnitWorkbookRead> {
  return readXlsxWorkbook(openXlsx(data instanceof Uint8Array ? data : new Uint8Array(data)));
}
