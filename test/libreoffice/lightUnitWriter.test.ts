/**
 * `chitieu assign` writes unit workbooks with the light writer (src/xlsx/sheetsXlsx.ts), not
 * ExcelJS: LibreOffice, recalculating both files, finds every cell of every sheet the same (the
 * unit's table, the summary, Theo dõi, Bản in, the rules), and our reader evaluates both alike.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CATALOGUE, ruleSet } from "../../src/domain";
import { unitWorkbook } from "../../src/layout/unit";
import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import { writeSheetsXlsx } from "../../src/xlsx/sheetsXlsx";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { makeTempDir, readXlsxValues, recalculateXlsx } from "../support/libreoffice";

jest.setTimeout(180_000);

test("a unit workbook written by the light writer recalculates in LibreOffice and reads back as the ExcelJS one", async () => {
  // Targets as assign gives them, actuals typed for most indicators (some met, some not, a milestone, one missing).
  const values = new Map(
    DEFAULT_CATALOGUE.indicators.map((i, n) => [
      i.code,
      i.direction === "milestone" ? { target: "Đạt", actual: n % 2 ? "Đạt" : "Không đạt" } : { target: 100 + n, actual: n === 3 ? null : 90 + 3 * n },
    ]),
  );
  const layout = unitWorkbook({ unitName: "Tam Đảo", unitKind: "district", head: "Nguyễn Văn A", year: 2025, rules: ruleSet(), values, withPrintSheet: true, withFollowUp: true });
  const dir = makeTempDir("chitieu-light-unit-");
  const files = [path.join(dir, "light.xlsx"), path.join(dir, "exceljs.xlsx")];
  const [light, exceljs] = [writeSheetsXlsx(layout), await writeXlsx(layout)];
  fs.writeFileSync(files[0], light);
  fs.writeFileSync(files[1], exceljs);
  const outputs = await recalculateXlsx(files, path.join(dir, "out"));
  const [fromLight, fromExcelJs] = await Promise.all(outputs.map(readXlsxValues));
  expect([...fromLight.keys()]).toEqual(layout.sheets.map((s) => s.name));
  for (const [sheet, cells] of fromExcelJs) expect([sheet, Object.fromEntries(fromLight.get(sheet) ?? [])]).toEqual([sheet, Object.fromEntries(cells)]);
  // The formulas computed: an achievement, statuses and the count of indicators met on the unit's sheet.
  const computed = [...(fromLight.get(layout.sheets[0].name)?.values() ?? [])];
  expect(computed).toEqual(expect.arrayContaining([0.9208, "Vượt", "Không đạt", "Số chỉ tiêu đạt và vượt", 10]));

  // What the reader found, its functions left out.
  const [readLight, readExcelJs] = (await Promise.all([readUnitWorkbook(light), readUnitWorkbook(exceljs)])).map((read) => JSON.parse(JSON.stringify(read)) as typeof read);
  expect(readLight).toEqual(readExcelJs);
  expect([readLight.problems, readLight.evaluation?.summary.met]).toEqual([[], 10]);
  fs.rmSync(dir, { recursive: true, force: true });
});
