/**
 * LibreOffice, the independent engine, prints the same Vietnamese number text as the emulator
 * (test/workbook/vnNumberFormula.test.ts) for every value of the shared table.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { vnNumberFormula, vnPercentFormula } from "../../src/layout/vnNumberFormula";
import { NUMBER_CASES, PERCENT_CASES } from "../layout/vnNumberCases";
import { makeTempDir, readXlsxValues, recalculateXlsx, valueAt } from "../support/libreoffice";

jest.setTimeout(180_000);

const CASES = [
  ...NUMBER_CASES.map(([x, text]) => ({ x, text, formula: (cell: string) => vnNumberFormula(cell, 2) })),
  ...PERCENT_CASES.map(([x, text]) => ({ x, text, formula: vnPercentFormula })),
];

test("LibreOffice computes the expected text for every value", async () => {
  const dir = makeTempDir("chitieu-vn-");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  CASES.forEach((c, i) => {
    ws.getCell(`A${i + 1}`).value = c.x;
    // A wrong cached result proves that LibreOffice recalculated.
    ws.getCell(`B${i + 1}`).value = { formula: c.formula(`A${i + 1}`), result: "?" } as ExcelJS.CellFormulaValue;
  });
  const input = path.join(dir, "so.xlsx");
  await wb.xlsx.writeFile(input);
  const [output] = await recalculateXlsx([input], path.join(dir, "out"));
  const values = await readXlsxValues(output);
  expect(CASES.map((_, i) => valueAt(values, "S", `B${i + 1}`))).toEqual(CASES.map((c) => c.text));
  fs.rmSync(dir, { recursive: true, force: true });
});
