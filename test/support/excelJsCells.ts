/**
 * The reader as it was before the narrow .xlsx reader: ExcelJS loads the file and its cells are
 * turned into what Office.js returns. Kept for tests only, as the reference the narrow reader
 * (src/xlsx/xlsxParts.ts) must match.
 */
import ExcelJS from "exceljs";
import { textKey } from "../../src/domain";
import type { CellRead } from "../../src/xlsx/sheetCells";
import type { WorkbookCells } from "../../src/xlsx/readWorkbook";

/** Excel's serial day 0 (1899-12-30): Office.js returns dates as serial numbers. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof v !== "object") return v;
  if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? "")).join("");
  if ("hyperlink" in v && "text" in v) return plainValue(v.text);
  if ("error" in v) return v.error;
  return v;
}

export function excelJsCell(cell: ExcelJS.Cell): CellRead {
  if (cell.type === ExcelJS.ValueType.Formula) return { value: plainValue((cell as { result?: unknown }).result), formula: `=${cell.formula}` };
  const value = plainValue(cell.value);
  return { value, formula: value };
}

export async function loadExcelJs(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** The old reader's view of a workbook, through the same interface the narrow reader gives. */
export function excelJsCells(wb: ExcelJS.Workbook): WorkbookCells {
  return {
    table(name) {
      for (const ws of wb.worksheets) {
        for (const table of ws.getTables()) {
          const model = (table as unknown as { model: { name: string; tableRef?: string; ref?: string } }).model;
          if (textKey(model.name) === textKey(name)) return { sheet: ws.name, ref: model.tableRef ?? model.ref ?? "" };
        }
      }
      return null;
    },
    namedCell(name) {
      const range = wb.definedNames.getRanges(name).ranges[0];
      if (!range) return null;
      const match = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)/.exec(range);
      const ws = match ? wb.getWorksheet(match[1].replace(/''/g, "'")) : undefined;
      return match && ws ? { sheet: ws.name, address: `${match[2]}${match[3]}` } : null;
    },
    cell(sheet, row, column) {
      const ws = wb.getWorksheet(sheet);
      return ws ? excelJsCell(ws.getCell(row + 1, column + 1)) : { value: "", formula: "" };
    },
  };
}
