import ExcelJS from "exceljs";
import { unitWorkbook, type CellContent, type WorkbookLayout } from "../../src/layout";
import { writeXlsx } from "../../src/xlsx/writeLayout";

/** The default unit workbook with one cell's content replaced. */
function withCell(at: string, content: CellContent): WorkbookLayout {
  const layout = unitWorkbook({ unitName: "Tam Đảo", head: "", year: 2021 });
  const [unit, ...rest] = layout.sheets;
  return { ...layout, sheets: [{ ...unit, blocks: [...unit.blocks, { at, cells: [[content]], owner: "user" }] }, ...rest] };
}

describe("the .xlsx writer", () => {
  test("never turns a value object into a formula", async () => {
    const sneaked = { value: { formula: "1+1" } } as unknown as CellContent;
    await expect(writeXlsx(withCell("L8", sneaked))).rejects.toThrow('Ô L8 của trang "Chỉ tiêu": giá trị phải là số hoặc chữ.');
  });

  test("writes text starting with = as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(withCell("L8", { value: "=SUM(1)" }))) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet("Chỉ tiêu")?.getCell("L8");
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe("=SUM(1)");
  });
});
