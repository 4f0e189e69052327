import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { FOLLOW_UP_ROWS, FOLLOW_UP_SHEET, periodColumn } from "../../src/layout/unit";

/** A period's figures by indicator code; a "%" row's figure as documents give it (85 for 85 %). */
export type SnapshotFigures = Readonly<Record<string, number | string>>;

/**
 * Types a unit's actuals into the written file's follow-up sheet as a person does in Excel: per
 * period (0 = the first quarter), the figure of each code found in the sheet's code column (a
 * formula whose cached text ExcelJS keeps), a "%" row's figure stored as Excel stores 85 % (0,85).
 */
export async function typeSnapshots(file: string, periods: Readonly<Record<number, SnapshotFigures>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(FOLLOW_UP_SHEET) as ExcelJS.Worksheet;
  const unitSheet = wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet;
  // The follow-up row's code is a formula ('Chỉ tiêu'!$A8&""): the code sits in the unit table's row.
  const codeOf = (row: number): string | null => {
    const formula = (ws.getCell(`A${row}`).value as { formula?: string } | null)?.formula;
    const source = /!\$?([A-Z]+)\$?(\d+)/.exec(formula ?? "");
    return source ? String(unitSheet.getCell(`${source[1]}${source[2]}`).value ?? "") : null;
  };
  const unitOf = (row: number): string => {
    const formula = (ws.getCell(`C${row}`).value as { formula?: string } | null)?.formula;
    const source = /!\$?([A-Z]+)\$?(\d+)/.exec(formula ?? "");
    return source ? String(unitSheet.getCell(`${source[1]}${source[2]}`).value ?? "") : "";
  };
  for (let row = FOLLOW_UP_ROWS.first; ; row++) {
    const code = codeOf(row);
    if (code === null) break;
    for (const [period, figures] of Object.entries(periods)) {
      const figure = figures[code];
      if (figure === undefined) continue;
      const stored = unitOf(row).trim() === "%" && typeof figure === "number" ? figure / 100 : figure;
      ws.getCell(`${periodColumn(Number(period), "actual")}${row}`).value = stored;
    }
  }
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}
