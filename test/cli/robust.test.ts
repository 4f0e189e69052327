import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";

const dir = mkdtempSync(join(tmpdir(), "chitieu-robust-"));
const path = (name: string) => join(dir, name);

/** A workbook written by `chitieu workbook`, then opened and changed with ExcelJS. */
async function workbookFile(name: string, edit: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<string> {
  const output = path(name);
  await run(["workbook", "--unit", "Tam Đảo", "--year", "2021", "-o", output]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
  edit(wb.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet);
  writeFileSync(output, Buffer.from(await wb.xlsx.writeBuffer()));
  return output;
}

describe("chitieu read reports what the pane reports", () => {
  test("a formula typed over is listed in overwrittenFormulas", async () => {
    const file = await workbookFile("overwritten.xlsx", (ws) => {
      ws.getCell("J8").value = 1.5;
    });
    const result = await run(["read", file]);
    expect(JSON.parse(result.stdout)).toMatchObject({ overwrittenFormulas: ["J8"], problems: [] });
    expect(result.exitCode).toBe(0);
  });
});
