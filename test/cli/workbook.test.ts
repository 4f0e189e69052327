import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { UsageError } from "../../src/cli/io";
import { runPrint } from "../../src/cli/printCommand";

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
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Chỉ tiêu", "Bản in", "Danh mục", "Quy tắc", "Tiêu chí chung"]);
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

    const table = await run(["read", output, "--format", "table"]);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain("3.2  89,10 %    Không đạt");
    expect(table.stdout).toContain("Trang tính: Chỉ tiêu");
    expect(table.stdout).toContain("Xếp loại cuối cùng: (trống)");
  });

  test("workbook --data writes everything of the document: answers, late rows, names and key flags (issue 15 §3)", async () => {
    const doc = {
      ...DOC,
      disqualifying: { sanction: "Có" },
      excellence: { disciplineBelow: "Không", shortcomingsRemedied: true },
      indicators: DOC.indicators.map((i) => (i.code === "2.4" ? { ...i, late: "Có" } : i)),
    };
    const data = join(dir, "all.json");
    writeFileSync(data, JSON.stringify(doc));
    const output = join(dir, "all.xlsx");
    expect((await run(["workbook", "--unit", "Tam Đảo", "--year", "2025", "--head", "Nguyễn Văn A", "--data", data, "-o", output])).exitCode).toBe(0);
    const fromSheet = JSON.parse((await run(["read", output])).stdout);
    const fromDocument = JSON.parse((await run(["evaluate", data])).stdout);
    expect(fromSheet.summary).toEqual(fromDocument.summary);
    expect(fromSheet.summary).toMatchObject({ level: "incomplete", disqualified: ["sanction"], late: 1 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu");
    expect([ws?.getCell("C8").value, ws?.getCell("C10").value, ws?.getCell("F10").value, ws?.getCell("L9").value]).toEqual([
      "Kết nạp đảng viên mới", "Thu ngân sách", "x", "Có",
    ]);
    // Without the sanction the answers make it a ceiling of excellent read back from the sheet too.
    const clean = { ...doc, disqualifying: undefined, indicators: DOC.indicators };
    writeFileSync(data, JSON.stringify(clean));
    const answered = join(dir, "answered.xlsx");
    await run(["workbook", "--unit", "Tam Đảo", "--year", "2025", "--head", "Nguyễn Văn A", "--data", data, "-o", answered]);
    expect(JSON.parse((await run(["read", answered])).stdout).summary).toEqual(JSON.parse((await run(["evaluate", data])).stdout).summary);
  });

  test("workbook --data writes the competent level's results scores in their column; read and evaluate agree (issue 15 §3)", async () => {
    const doc = { ...DOC, indicators: DOC.indicators.map((i) => (i.code === "1.1" ? { ...i, score: "12,5" } : i.code === "3.2" ? { ...i, score: 4 } : i)) };
    const data = join(dir, "scores.json");
    writeFileSync(data, JSON.stringify(doc));
    const output = join(dir, "scores.xlsx");
    expect((await run(["workbook", "--unit", "Tam Đảo", "--year", "2025", "--head", "Nguyễn Văn A", "--data", data, "-o", output])).exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu");
    expect([ws?.getCell("P7").value, ws?.getCell("P8").value, ws?.getCell("P9").value, ws?.getCell("P10").value]).toEqual([
      "Điểm kết quả (cấp có thẩm quyền)", 12.5, null, 4,
    ]);
    const fromSheet = JSON.parse((await run(["read", output])).stdout);
    const fromDocument = JSON.parse((await run(["evaluate", data])).stdout);
    expect(fromSheet.indicators).toEqual(fromDocument.indicators);
    expect(fromSheet.summary).toEqual(fromDocument.summary);
    // 12,5 + 4 typed, 2.4 and 4.1 met at 17,5 each by default: 51,5.
    expect(fromDocument.summary.resultPoints).toBe(51.5);
    expect(fromDocument.indicators[0]).toMatchObject({ code: "1.1", score: 12.5 });

    // Above the row's maximum (70 / 4 = 17,5): an error named at the score's cell, the row in error.
    writeFileSync(data, JSON.stringify({ ...DOC, indicators: DOC.indicators.map((i) => (i.code === "2.4" ? { ...i, score: 17.6 } : i)) }));
    const above = join(dir, "score-above.xlsx");
    await run(["workbook", "--unit", "Tam Đảo", "--year", "2025", "--head", "Nguyễn Văn A", "--data", data, "-o", above]);
    const bad = await run(["read", above]);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout).problems).toEqual([
      expect.objectContaining({ cell: "P9", message: expect.stringContaining("Điểm kết quả 17,6 không hợp lệ: cần một số từ 0 đến 17,5 ") }),
    ]);
  });

  test("workbook --data writes a milestone's due and done dates as days; read and evaluate agree it is late; a text date is named at its cell (issue 15 §3)", async () => {
    const doc = {
      ...DOC,
      excellence: { disciplineBelow: "Không", shortcomingsRemedied: "Có" },
      indicators: DOC.indicators.map((i) => (i.code === "4.1" ? { ...i, due: "30/6/2025", done: "2025-07-15" } : i)),
    };
    const data = join(dir, "dates.json");
    writeFileSync(data, JSON.stringify(doc));
    const output = join(dir, "dates.xlsx");
    expect((await run(["workbook", "--unit", "Tam Đảo", "--year", "2025", "--head", "Nguyễn Văn A", "--data", data, "-o", output])).exitCode).toBe(0);
    const fromSheet = JSON.parse((await run(["read", output])).stdout);
    const fromDocument = JSON.parse((await run(["evaluate", data])).stdout);
    expect(fromSheet.indicators).toEqual(fromDocument.indicators);
    expect(fromSheet.summary).toEqual(fromDocument.summary);
    expect(fromDocument.indicators.map((i: { late: boolean }) => i.late)).toEqual([false, false, false, true]);
    expect(fromDocument.summary.late).toBe(1);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu");
    if (!ws) throw new Error("no unit sheet");
    expect([ws.getCell("M7").value, ws.getCell("N7").value]).toEqual(["Hạn hoàn thành", "Ngày hoàn thành"]);
    // ExcelJS reads a serial under a date format as a Date.
    expect([ws.getCell("M11").value, ws.getCell("N11").value]).toEqual([new Date(Date.UTC(2025, 5, 30)), new Date(Date.UTC(2025, 6, 15))]);
    expect(ws.getCell("N11").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("N11").protection).toMatchObject({ locked: false });

    // A date typed where Excel did not take it as one stays text: named at its cell, the row in error.
    ws.getCell("N11").value = "15/7/2025";
    const typed = join(dir, "dates-text.xlsx");
    writeFileSync(typed, Buffer.from(await wb.xlsx.writeBuffer()));
    const read = await run(["read", typed]);
    expect(read.exitCode).toBe(1);
    expect(JSON.parse(read.stdout).problems).toEqual([
      expect.objectContaining({ sheet: "Chỉ tiêu", cell: "N11", message: expect.stringContaining('Ngày hoàn thành "15/7/2025" là chữ chứ không phải ngày') }),
    ]);
  });

  test("a % row gives one result everywhere: 85 % typed against 80 is 106,25 % in the document and the sheet (issue 15 §3)", async () => {
    const doc = { commonScore: 25, indicators: [{ code: "1.3", name: "Tỷ lệ đảng viên tốt", unit: "%", direction: "increase", target: 80, actual: "85 %" }] };
    const data = join(dir, "pct.json");
    writeFileSync(data, JSON.stringify(doc));
    const output = join(dir, "pct.xlsx");
    await run(["workbook", "--unit", "Tam Đảo", "--year", "2025", "--head", "A", "--data", data, "-o", output]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu");
    if (!ws) throw new Error("no unit sheet");
    // A percent format, so Excel stores 85 and 85 % typed there alike as 0,85.
    expect([ws.getCell("H8").value, ws.getCell("I8").value, ws.getCell("H8").numFmt]).toEqual([0.8, 0.85, "0.00%"]);
    expect(JSON.parse((await run(["evaluate", data])).stdout).indicators[0]).toMatchObject({ achievement: 1.0625, status: "exceeded" });
    // A person types 85 % in the actual cell: Excel stores 0,85.
    ws.getCell("I8").value = 0.85;
    writeFileSync(output, Buffer.from(await wb.xlsx.writeBuffer()));
    const read = JSON.parse((await run(["read", output])).stdout);
    expect(read.indicators[0]).toMatchObject({ achievement: 1.0625, status: "exceeded" });
  });

  test("help prints the usage with exit 0; no command at all is a usage error (exit 2)", async () => {
    const help = await run(["help"]);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("chitieu read FILE.xlsx [--unit SỐ|TÊN] [--format json|table]");
    expect((await run([])).exitCode).toBe(2);
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

  test("the printed header is given on the command line", async () => {
    const output = join(dir, "header.xlsx");
    const header = {
      "--superior-body": "ĐẢNG BỘ TỈNH PHÚ THỌ",
      "--issuing-body": "HUYỆN ỦY TAM ĐẢO",
      "--number": "12-BC/HU",
      "--place-date": "Tam Đảo, ngày 20 tháng 12 năm 2025",
      "--signer-title": "T/M BAN THƯỜNG VỤ",
      "--signer-position": "PHÓ BÍ THƯ",
      "--signer-name": "Trần Văn Bình",
    };
    const args = ["workbook", "--unit", "Tam Đảo", "--year", "2025", "--unit-kind", "district", ...Object.entries(header).flat(), "-o", output];
    expect((await run(args)).exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const unit = wb.getWorksheet("Chỉ tiêu");
    const cells = ["A1", "A2", "H2", "B6"].map((a) => unit?.getCell(a).value);
    expect(cells).toEqual(["ĐẢNG BỘ TỈNH PHÚ THỌ", "HUYỆN ỦY TAM ĐẢO", "Tam Đảo, ngày 20 tháng 12 năm 2025", "huyện, thị xã, thành phố"]);
    const values = unit?.getSheetValues().flat().filter((v) => typeof v === "string");
    expect(values).toEqual(expect.arrayContaining(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Bình"]));
    expect(wb.getWorksheet("Bản in")?.getCell("A4").value).toBe("Số 12-BC/HU");
  });

  test.each([
    [["workbook", "--unit", "A", "--year", "2025", "--unit-kind", "tỉnh", "-o", "x.xlsx"], "--unit-kind nhận commune"],
    [["print", "a.xlsx"], "-o FILE.pdf"],
    [["print", join(dir, "missing.xlsx"), "-o", join(dir, "x.pdf")], "Không đọc được tệp Excel"],
  ])("print and header usage errors: %j", async (args, text) => {
    await expect(run(args)).rejects.toThrow(text);
  });

  test("print --sheet names the sheet to print; a sheet the workbook lacks is a usage error naming it", async () => {
    const args = ["print", join(dir, "header.xlsx"), "--sheet", "Công khai", "-o", join(dir, "x.pdf")];
    await expect(run(args)).rejects.toThrow('không có trang tính "Công khai"');
  });

  test("print without LibreOffice says so and what to do instead (a usage error: exit 2)", async () => {
    const input = join(dir, "header.xlsx");
    const printing = runPrint({ input, output: join(dir, "x.pdf"), searchPath: "/nonexistent", fallbacks: [] });
    await expect(printing).rejects.toThrow(UsageError);
    await expect(runPrint({ input, output: join(dir, "x.pdf"), searchPath: "", fallbacks: [] })).rejects.toThrow(
      /Không tìm thấy LibreOffice \(lệnh soffice\).*"Bản in"/,
    );
  });

  test("print refuses a workbook without the printed document", async () => {
    const input = join(dir, "no-print.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Chỉ tiêu");
    await wb.xlsx.writeFile(input);
    await expect(runPrint({ input, output: join(dir, "y.pdf") })).rejects.toThrow('không có trang tính "Bản in"');
  });

  test("print --sheet names the sheet to print, found whatever its case, and lists the sheets when it is missing", async () => {
    const input = join(dir, "sheets.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Chỉ tiêu");
    wb.addWorksheet("Phiếu đăng ký");
    await wb.xlsx.writeFile(input);
    await expect(runPrint({ input, output: join(dir, "z.pdf"), sheet: "Kết quả" })).rejects.toThrow('không có trang tính "Kết quả"; các trang có: "Chỉ tiêu", "Phiếu đăng ký".');
    await expect(runPrint({ input, output: join(dir, "z.pdf"), sheet: "PHIẾU ĐĂNG KÝ", searchPath: "", fallbacks: [] })).rejects.toThrow(
      /Không tìm thấy LibreOffice.*"Phiếu đăng ký" \(Tệp > In\)/,
    );
  });

  test("a file that is not a workbook is a usage error", async () => {
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "not a zip");
    await expect(run(["read", bad])).rejects.toThrow("không phải tệp Excel");
  });
});
