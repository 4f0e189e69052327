/**
 * readUnitWorkbook (the narrow reader) against the reader it replaced (ExcelJS, kept in
 * test/support/excelJsCells.ts): the same evaluation, levels, problems, named values and table
 * cells, on workbooks written by the .xlsx writer and edited as people and other programs do.
 */
import ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { NAMES, summaryCells, unitWorkbook } from "../../src/layout";
import { layoutToWorkbook } from "../../src/xlsx/writeLayout";
import { loadExcelJs } from "../support/excelJsCells";
import { expectSameAsExcelJs } from "../support/readerParity";
import { unitFileBytes } from "../support/unitFiles";

async function edited(edit: (ws: ExcelJS.Worksheet) => void, data?: Buffer): Promise<Buffer> {
  const wb = data ? await loadExcelJs(data) : await layoutToWorkbook(unitWorkbook({ unitName: "Tam Đảo", head: "", year: 2021 }));
  edit(wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readUnitWorkbook gives what the ExcelJS reader gave", () => {
  test("a new unit workbook, and consolidation's unit files (40 indicators, levels, kinds)", async () => {
    const fresh = await expectSameAsExcelJs(Buffer.from(await (await layoutToWorkbook(unitWorkbook({ unitName: "Tam Đảo", head: "", year: 2021 }))).xlsx.writeBuffer()));
    expect(fresh.evaluation?.summary.total).toBe(18);
    const catalogue = {
      groups: DEFAULT_CATALOGUE.groups,
      indicators: Array.from({ length: 40 }, (_, i) => ({ ...DEFAULT_CATALOGUE.indicators[i % DEFAULT_CATALOGUE.indicators.length], code: `9.${i + 1}` })),
    };
    for (const options of [
      { unit: "An Hòa", kind: "commune" as const, result: "excellent" as const, common: 28 },
      { unit: "Sở Tài chính", kind: "department" as const, finalLevel: "good" as const },
      { unit: "Xã 40", catalogue },
    ]) {
      const read = await expectSameAsExcelJs(Buffer.from(await unitFileBytes(options)));
      expect(read.evaluation).not.toBeNull();
    }
  });

  test("cells edited with ExcelJS: hyperlinks, rich text, dates, formulas typed in and over, errors, rows typed below", async () => {
    const met = summaryCells(25).find((c) => c.name === NAMES.met)?.address as string;
    const read = await expectSameAsExcelJs(
      await edited((ws) => {
        ws.getCell("A8").value = { text: "1.1", hyperlink: "https://example.vn/1.1" };
        ws.getCell("A10").value = { richText: [{ text: "1." }, { text: "3", font: { bold: true } }] };
        ws.getCell("I8").value = new Date(Date.UTC(1899, 11, 30) + 2100 * 86_400_000);
        ws.getCell("H8").value = 2000;
        ws.getCell("H9").value = { formula: "5*2", result: 10 };
        ws.getCell("I9").value = 5;
        ws.getCell("H11").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
        ws.getCell("J12").value = 1.5;
        ws.getCell(met).value = 3;
        ws.getCell("A26").value = "5.1";
        ws.getCell("H26").value = 10;
      }),
    );
    expect(read.overwrittenFormulas).toEqual(["J12"]);
    expect(read.problems.map((p) => p.cell)).toEqual(expect.arrayContaining(["H11", met, "A26"]));
  });

  test("a workbook that is not a Chỉ Tiêu workbook", async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "Bảng khác";
    const read = await expectSameAsExcelJs(Buffer.from(await plain.xlsx.writeBuffer()));
    expect(read.evaluation).toBeNull();
  });
});
