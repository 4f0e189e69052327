import ExcelJS from "exceljs";
import { unitWorkbook, type CellContent, type WorkbookLayout } from "../../src/layout";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { parseCell } from "../../src/layout/addresses";
import { taskRegisterLayout } from "../../src/layout/tasks";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { readZipParts } from "../../src/xlsx/zip";
import { benchTasks } from "../../bench/tasks";

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

describe("the task register's formula runs (issue 15 §4)", () => {
  test("are stored once as shared formulas, and the narrow reader gives every cell the layout's formula back", async () => {
    const layout = taskRegisterLayout({ tasks: benchTasks(6, 2, 2), year: 2022, asOf: "2022-06-30" });
    const bytes = await writeXlsx(layout);
    const parts = readZipParts(bytes, () => true);
    const book = openXlsx(bytes);
    let followers = 0;
    for (const sheet of layout.sheets.filter((s) => s.sharedFormulas)) {
      const part = book.sheetNames.indexOf(sheet.name) + 1;
      const xml = Buffer.from(parts.get(`xl/worksheets/sheet${part}.xml`) ?? []).toString("utf8");
      followers += xml.match(/<f t="shared" si="\d+"\/>/g)?.length ?? 0;
      for (const block of sheet.blocks) {
        const at = parseCell(block.at);
        block.cells.forEach((row, r) =>
          row.forEach((content, c) => {
            if ("formula" in content) expect(book.cells(sheet.name)?.cell(at.row + r, at.column + c).formula).toBe(content.formula);
          }),
        );
      }
    }
    // Each roadmap row after the first shares its 8 formulas; each task row its counts and levels.
    expect(followers).toBeGreaterThan(8 * 20);
  });
});
