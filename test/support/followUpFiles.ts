import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { FOLLOW_UP_ROWS, periodColumn } from "../../src/layout/unit";
import { DEFAULT_LETTERS } from "../../src/layout/unit";
import { unitPlace, type UnitPlace } from "../../src/layout/units";

/** Figures by indicator code; a "%" row's figure as documents give it (85 for 85 %). */
export type SnapshotFigures = Readonly<Record<string, number | string>>;

/** Excel stores 85 % typed in a percent-formatted cell as 0,85. */
const stored = (unit: string, figure: number | string) => (unit.trim() === "%" && typeof figure === "number" ? figure / 100 : figure);

/**
 * Types a unit's figures into its written file as a person does in Excel: the follow-up sheet's
 * actuals per period (0 = the first quarter) and the unit table's year-end actuals, by the code
 * of each row (the follow-up row's code is a formula pointing at the unit table's row); in a shared
 * workbook, unit `place`'s sheets ("Chỉ tiêu n", "Theo dõi n").
 */
export async function typeFigures(
  file: string,
  figures: { readonly periods?: Readonly<Record<number, SnapshotFigures>>; readonly actuals?: SnapshotFigures },
  place: UnitPlace = unitPlace(1),
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const unitSheet = wb.getWorksheet(place.sheet) as ExcelJS.Worksheet;
  const text = (address: string) => String(unitSheet.getCell(address).value ?? "");
  if (figures.periods) {
    const ws = wb.getWorksheet(place.followUpSheet) as ExcelJS.Worksheet;
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

/** The follow-up sheet's actuals per period (0 = the first quarter), of unit `place` in a shared workbook. */
export const typeSnapshots = (file: string, periods: Readonly<Record<number, SnapshotFigures>>, place?: UnitPlace) => typeFigures(file, { periods }, place);
