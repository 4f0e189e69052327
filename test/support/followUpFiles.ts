import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { FOLLOW_UP_ROWS, FOLLOW_UP_SHEET, periodColumn } from "../../src/layout/unit";
import { DEFAULT_LETTERS } from "../../src/layout/unit";
import { SHEETS } from "../../src/layout/schema";

/** Figures by indicator code; a "%" row's figure as documents give it (85 for 85 %). */
export type SnapshotFigures = Readonly<Record<string, number | string>>;

/** Excel stores 85 % typed in a percent-formatted cell as 0,85. */
const stored = (unit: string, figure: number | string) => (unit.trim() === "%" && typeof figure === "number" ? figure / 100 : figure);

/**
 * Types a unit's figures into its written file as a person does in Excel: the follow-up sheet's
 * actuals per period (0 = the first quarter) and the unit table's year-end actuals, by the code
 * of each row (the follow-up row's code is a formula pointing at the unit table's row).
 */
export async function typeFigures(file: string, figures: { readonly periods?: Readonly<Record<number, SnapshotFigures>>; readonly actuals?: SnapshotFigures }): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const unitSheet = wb.getWorksheet(SHEETS.unit) as ExcelJS.Worksheet;
  const text = (address: string) => String(unitSheet.getCell(address).value ?? "");
  if (figures.periods) {
    const ws = wb.getWorksheet(FOLLOW_UP_SHEET) as ExcelJS.Worksheet;
    const sourceRow = (row: number) => /!\$?[A-Z]+\$?(\d+)/.exec((ws.getCell(`A${row}`).value as { formula?: string } | null)?.formula ?? "")?.[1];
    for (let row = FOLLOW_UP_ROWS.first; sourceRow(row) !== undefined; row++) {
      const source = sourceRow(row) as string;
      const code = text(`${DEFAULT_LETTERS.code}${source}`);
      for (const [period, byCode] of Object.entries(figures.periods)) {
        const figure = byCode[code];
        if (figure !== undefined) ws.getCell(`${periodColumn(Number(period), "actual")}${row}`).value = stored(text(`${DEFAULT_LETTERS.unit}${source}`), figure);
      }
    }
  }
  if (figures.actuals) {
    for (let row = 1; row <= unitSheet.rowCount; row++) {
      const figure = figures.actuals[text(`${DEFAULT_LETTERS.code}${row}`)];
      if (figure !== undefined) unitSheet.getCell(`${DEFAULT_LETTERS.actual}${row}`).value = stored(text(`${DEFAULT_LETTERS.unit}${row}`), figure);
    }
  }
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** The follow-up sheet's actuals per period (0 = the first quarter). */
export const typeSnapshots = (file: string, periods: Readonly<Record<number, SnapshotFigures>>) => typeFigures(file, { periods });
