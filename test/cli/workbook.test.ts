import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { UsageError } from "../../src/cli/io";

const dir = mkdtempSync(join(tmpdir(), "chitieu-wb-"));

const DOC = {
  preset: "qd366-2025",
  commonScore: 27,
  indicators: [
    { code: "1.1", group: "1", name: "Kết nạp đảng viên mới", unit: "người", direction: "increase", target: 2000, actual: "2.100" },
    { code: "2.4", group: "2", name: "Số vụ khiếu kiện đông người", unit: "vụ", direction: "decrease", target: 0, actual: 0 },
    { code: "3.2", group: "3", name: "Thu ngân sách", unit: "tỷ đồng", direction: "increase", target: "1.234,5", actual: 1100, key: true },
    { code: "4.1", group: "4", name: "Giao quân", direction: "milestone", actual: "Đạt" },
  ],
};

describe("chitieu workbook and chitieu read", () => {
  test("a workbook written from the evaluate document reads back to the same evaluation", async () => {
    const data = join(dir, "doc.json");
    writeFileSync(data, JSON.stringify(DOC));
    const output = join(dir, "tam-dao.xlsx");
    const written = await run(["workbook", "--unit", "Tam Đảo", "--year", "2021", "--head", "Nguyễn Văn A", "--data", data, "-o", output]);
    expect(written.exitCode).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Chỉ tiêu", "Danh mục", "Quy tắc", "Tiêu chí chung"]);
    const ws = wb.getWorksheet("Chỉ tiêu");
    expect(ws?.getCell("H8").value).toBe(2000);
    expect(ws?.getCell("I8").value).toBe(2100); // Vietnamese number text is written as a number
    expect(ws?.getCell("H10").value).toBe(1234.5);
    expect(ws?.getCell("B5").value).toBe("Tam Đảo");

    const read = await run(["read", output]);
    const evaluated = await run(["evaluate", data]);
    const fromSheet = JSON.parse(read.stdout);
    const fromDocument = JSON.parse(evaluated.stdout);
    expect(fromSheet.indicators).toEqual(fromDocument.indicators);
    expect(fromSheet.summary).toEqual(fromDocument.summary);
    expect(fromSheet).toMatchObject({ sheet: "Chỉ tiêu", unitLevel: null, finalLevel: null, problems: [] });
    expect(read.exitCode).toBe(0);
  });

  test("without --data the default catalogue of 18 indicators is written, all pending", async () => {
    const output = join(dir, "empty.xlsx");
    await run(["workbook", "--unit", "Sông Lô", "--year", "2021", "-o", output]);
    const read = JSON.parse((await run(["read", output])).stdout);
    expect(read.summary).toMatchObject({ total: 18, pending: 18, level: "incomplete", ceilingLevel: "excellent", provisional: true });
  });

  test.each([
    [["workbook", "--year", "2021", "-o", "x.xlsx"], "Cần --unit"],
    [["workbook", "--unit", "A", "--year", "hai nghìn", "-o", "x.xlsx"], "Năm"],
    [["read", join(dir, "missing.xlsx")], "Không đọc được tệp"],
  ])("usage errors: %j", async (args, text) => {
    await expect(run(args)).rejects.toThrow(UsageError);
    await expect(run(args)).rejects.toThrow(text);
  });

  test("a file that is not a workbook is a usage error", async () => {
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "not a zip");
    await expect(run(["read", bad])).rejects.toThrow("không phải tệp Excel");
  });
});
