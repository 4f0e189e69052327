import ExcelJS from "exceljs";
import { NAMES, summaryCells, unitWorkbook } from "../../src/layout";
import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import { layoutToWorkbook } from "../../src/xlsx/writeLayout";

/** A unit workbook written by the .xlsx writer, then changed as a person (or another program) would. */
async function edited(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await layoutToWorkbook(unitWorkbook({ unitName: "Tam Đảo", head: "", year: 2021 }));
  edit(wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readUnitWorkbook reads cells as Office.js gives them", () => {
  test("a hyperlink, rich text and a date are read as their text and serial number", async () => {
    const file = await edited((ws) => {
      ws.getCell("A8").value = { text: "1.1", hyperlink: "https://example.vn/1.1" };
      ws.getCell("A9").value = { text: { richText: [{ text: "1." }, { text: "2", font: { bold: true } }] }, hyperlink: "https://example.vn" } as unknown as ExcelJS.CellValue;
      ws.getCell("A10").value = { richText: [{ text: "1." }, { text: "3" }] };
      ws.getCell("H8").value = 2000;
      // 2,100 typed into a cell formatted as a date: Office.js reads the serial number 2100.
      ws.getCell("I8").value = new Date(Date.UTC(1899, 11, 30) + 2100 * 86_400_000);
      ws.getCell("H9").value = { formula: "5*2", result: 10 };
      ws.getCell("I9").value = 5;
    });
    const read = await readUnitWorkbook(file);
    expect(read.problems).toEqual([]);
    expect(read.evaluation?.indicators.slice(0, 3)).toEqual([
      { code: "1.1", achievement: 1.05, status: "exceeded", late: false },
      { code: "1.2", achievement: 0.5, status: "notMet", late: false },
      { code: "1.3", achievement: null, status: "pending", late: false },
    ]);
  });
  test("formula results: an error is read as its code, a date as its serial number", async () => {
    const file = await edited((ws) => {
      ws.getCell("H8").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
      ws.getCell("I8").value = 5;
      ws.getCell("H9").value = { formula: "DATE(1900,1,10)", result: new Date(Date.UTC(1900, 0, 9)) } as ExcelJS.CellValue;
      ws.getCell("I9").value = 10; // ExcelJS reads serial 10 as 1900-01-09 (day 0 is 1899-12-30)
    });
    const read = await readUnitWorkbook(file);
    expect(read.problems.map((p) => p.cell)).toEqual(["H8"]);
    expect(read.problems[0].message).toContain("#DIV/0!");
    expect(read.evaluation?.indicators[1]).toEqual({ code: "1.2", achievement: 1, status: "met", late: false });
  });
});

describe("readUnitWorkbook reports formulas typed over, as the pane does", () => {
  test("a computed cell and a summary formula overwritten with values", async () => {
    const met = summaryCells(25).find((c) => c.name === NAMES.met)?.address as string;
    const file = await edited((ws) => {
      ws.getCell("J8").value = 1.5;
      ws.getCell(met).value = 3;
    });
    const read = await readUnitWorkbook(file);
    expect(read.overwrittenFormulas).toEqual(["J8"]);
    expect(read.problems).toEqual([
      expect.objectContaining({ cell: met, severity: "warning", message: expect.stringContaining(`công thức ${NAMES.met} đã bị ghi đè`) }),
    ]);
  });
});

describe("readUnitWorkbook reports an indicator typed below the table", () => {
  test("the row under the table is named by its first input cell", async () => {
    const file = await edited((ws) => {
      ws.getCell("A26").value = "5.1";
      ws.getCell("E26").value = "Tăng";
      ws.getCell("H26").value = 10;
    });
    const read = await readUnitWorkbook(file);
    expect(read.problems).toEqual([
      expect.objectContaining({ cell: "A26", severity: "warning", message: expect.stringContaining("Đổi kích cỡ bảng") }),
    ]);
    expect(read.evaluation?.summary.total).toBe(18);
  });
});
