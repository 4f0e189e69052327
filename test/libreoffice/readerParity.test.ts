/**
 * The narrow reader on files recalculated and saved by LibreOffice (its own XML: t="n" numbers,
 * t="str" formula results, aca attributes, empty <v></v>): readUnitWorkbook must read them as
 * the ExcelJS reader did. One soffice run for the files. (The LibreOffice here writes every
 * formula in full; shared formulas, which Excel writes, are tested on hand-made XML in
 * test/xlsx/xlsxParts.test.ts.)
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { unitWorkbook } from "../../src/layout";
import { layoutToWorkbook } from "../../src/xlsx/writeLayout";
import { expectSameAsExcelJs } from "../support/readerParity";
import { makeTempDir, outputDir, recalculateXlsx, requireSoffice } from "../support/libreoffice";
import { unitFileBytes } from "../support/unitFiles";

jest.setTimeout(180_000);

let saved: string[] = [];
let inDir = "";

beforeAll(async () => {
  requireSoffice();
  inDir = makeTempDir("chitieu-reader-");
  const typedOver = await layoutToWorkbook(unitWorkbook({ unitName: "Tam Đảo", head: "", year: 2021 }));
  const ws = typedOver.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet;
  ws.getCell("H8").value = 2000;
  ws.getCell("I8").value = 2100;
  ws.getCell("J9").value = 1.5;
  const inputs = [
    ["good.xlsx", Buffer.from(await unitFileBytes({ unit: "An Hòa", kind: "commune", result: "good" }))],
    ["typed-over.xlsx", Buffer.from(await typedOver.xlsx.writeBuffer())],
  ] as const;
  const files = inputs.map(([name, data]) => {
    const file = path.join(inDir, name);
    fs.writeFileSync(file, data);
    return file;
  });
  saved = await recalculateXlsx(files, outputDir("reader"));
});

afterAll(() => fs.rmSync(inDir, { recursive: true, force: true }));

test("a unit workbook saved by LibreOffice reads as with ExcelJS", async () => {
  const read = await expectSameAsExcelJs(fs.readFileSync(saved[0]));
  expect(read.problems).toEqual([]);
  expect(read.evaluation?.summary.met).toBe(read.evaluation?.summary.total);
});

test("a formula typed over is found in a file saved by LibreOffice", async () => {
  const read = await expectSameAsExcelJs(fs.readFileSync(saved[1]));
  expect(read.overwrittenFormulas).toEqual(["J9"]);
  expect(read.evaluation?.indicators[0]).toEqual({ code: "1.1", achievement: 1.05, status: "exceeded", late: false });
});
