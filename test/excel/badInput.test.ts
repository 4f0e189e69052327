import { NAMES } from "../../src/layout";
import { cellOf, formatAsGeneral, setup, SETUP, unprotect } from "./helpers";

/** A unit workbook with 1.1 filled (2.000 → 2.100) and the rest left empty. */
async function filled() {
  const ctx = setup();
  await ctx.service.setUp(SETUP);
  ctx.emulator.typeValue("Chỉ tiêu", "H8", 2000);
  ctx.emulator.typeValue("Chỉ tiêu", "I8", 2100);
  return ctx;
}

const messages = (problems: readonly { cell: string | null; message: string }[]) => problems.map((p) => `${p.cell}: ${p.message}`);

describe("bad input gets a Vietnamese message naming the cell, and nothing is written", () => {
  test.each([
    ["text that reads as a number", "H9", "'2.100", "H9", "gõ lại thành số 2.100"],
    ["text in a number cell", "I8", "khoảng 2000", "I8", 'Không đọc được số từ "khoảng 2000"'],
    ["a zero target", "H8", 0, "H8", "lớn hơn 0"],
    ["a negative target", "H8", -5, "H8", "lớn hơn 0"],
    ["an empty target with an actual", "H8", "", "H8", "Chưa nhập kế hoạch"],
    ["a duplicate code", "A9", "'1.1", "A9", "Mã 1.1 bị trùng"],
    ["a formula typed into a text cell", "C9", "=1+1", "C9", "cần chữ nhưng ô chứa công thức =1+1"],
    ["text in a date cell", "N8", "'1/7/2025", "N8", 'Ngày hoàn thành "1/7/2025" là chữ chứ không phải ngày'],
    ["a date with a time of day", "M8", 45838.5, "M8", "Hạn hoàn thành 30/06/2025 có cả giờ trong ngày"],
  ])("%s", async (_name, cell, input, where, text) => {
    const { emulator, service } = await filled();
    if (cell === "H9") emulator.typeValue("Chỉ tiêu", "I9", 5);
    if (cell === "C9") await formatAsGeneral(emulator, "Chỉ tiêu", "C9");
    emulator.typeValue("Chỉ tiêu", cell, input);
    const problems = await service.check();
    const found = problems.find((p) => p.cell === where);
    expect(messages(problems)).toEqual(expect.arrayContaining([expect.stringContaining(text)]));
    expect(found?.message).toMatch(/^Trang "Chỉ tiêu", ô [A-Z]+\d+: /);
    const before = emulator.snapshot();
    const report = await service.evaluate();
    expect(report.wrote).toBe(false);
    expect(emulator.snapshot()).toEqual(before);
  });

  test("a deleted or renamed column is reported by name and nothing is evaluated", async () => {
    const { emulator, service } = await filled();
    await unprotect(emulator, "Chỉ tiêu");
    emulator.typeValue("Chỉ tiêu", "H7", "KH giao");
    const problems = await service.check();
    expect(messages(problems)).toEqual([expect.stringContaining('thiếu cột "Kế hoạch"')]);
    const report = await service.evaluate();
    expect(report.wrote).toBe(false);
    expect(report.evaluation.indicators).toEqual([]);
  });

  test("decomposed Vietnamese headers are read", async () => {
    const { emulator, service } = await filled();
    await unprotect(emulator, "Chỉ tiêu");
    emulator.typeValue("Chỉ tiêu", "H7", "Kế hoạch".normalize("NFD"));
    emulator.typeValue("Chỉ tiêu", "I7", "THỰC HIỆN ".normalize("NFD"));
    expect(await service.check()).toEqual([]);
    expect((await service.evaluate()).evaluation.indicators[0]).toEqual({ code: "1.1", achievement: 1.05, status: "exceeded", late: false });
  });

  test("a renamed sheet is still found through its table", async () => {
    const { emulator, service } = await filled();
    emulator.renameSheet("Chỉ tiêu", "Năm 2021");
    const report = await service.evaluate();
    expect(report.problems).toEqual([]);
    expect(report.evaluation.indicators[0].status).toBe("exceeded");
    expect((await service.status()).unitSheetName).toBe("Năm 2021");
  });

  test("a formula typed over is reported, and restored only when asked", async () => {
    const { emulator, service } = await filled();
    await unprotect(emulator, "Chỉ tiêu");
    emulator.typeValue("Chỉ tiêu", "J8", 1.5);
    emulator.protectSheet("Chỉ tiêu"); // no password: the add-in may unprotect and protect again
    const report = await service.evaluate();
    expect(report.overwrittenFormulas).toEqual(["J8"]);
    expect(emulator.cell("Chỉ tiêu", "J8")).toMatchObject({ value: 1.5, formula: null });
    const restored = await service.evaluate({ restoreFormulas: true });
    expect(restored.wrote).toBe(true);
    expect(restored.overwrittenFormulas).toEqual([]);
    expect(emulator.cell("Chỉ tiêu", "J8").formula).toMatch(/^=IF\(/);
    expect(emulator.snapshot().sheets.find((s) => s.name === "Chỉ tiêu")?.protection.protected).toBe(true);
  });

  test("a sheet protected with a password: a clear message and the workbook left as it was", async () => {
    const { emulator, service } = await filled();
    await unprotect(emulator, "Chỉ tiêu");
    emulator.typeValue("Chỉ tiêu", "J8", 1.5);
    emulator.protectSheet("Chỉ tiêu", "bí mật");
    const before = emulator.snapshot();
    const report = await service.evaluate({ restoreFormulas: true });
    expect(report.wrote).toBe(false);
    expect(messages(report.problems)).toEqual([expect.stringContaining("bảo vệ bằng mật khẩu")]);
    expect(emulator.snapshot()).toEqual(before);
  });

  test("text beginning with =, +, - or @ in name cells is written as text, never as a formula", async () => {
    for (const unitName of ["=HYPERLINK(\"x\")", "+84 912", "-Ban tuyên giáo", "@Tam Đảo"]) {
      const { emulator, service } = setup();
      await service.setUp({ ...SETUP, unitName, head: "=SUM(1)" });
      expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.unitName))).toMatchObject({ value: unitName, formula: null });
      expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.head))).toMatchObject({ value: "=SUM(1)", formula: null });
    }
  });

  test("a sheet of the same name that the add-in did not create is not overwritten", async () => {
    const { emulator, service } = setup(undefined, ["Chỉ tiêu"]);
    emulator.typeValue("Chỉ tiêu", "A1", "dữ liệu của tôi");
    const result = await service.setUp(SETUP);
    expect(result.changes).toEqual([]);
    expect(messages(result.problems)).toEqual([expect.stringContaining('đã có một trang tính tên "Chỉ tiêu"')]);
    expect(emulator.cell("Chỉ tiêu", "A1").value).toBe("dữ liệu của tôi");
  });
});

describe("final level and cap", () => {
  test("a final level above the unit's level is refused with the reason; at or below it is set", async () => {
    const { emulator, service } = await filled();
    const refused = await service.setFinalLevel("excellent", "good");
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('"Hoàn thành tốt nhiệm vụ"'), said: expect.objectContaining({ id: "engine.capExceeded" }) });
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.finalLevel)).value).toBe("");
    expect(await service.setFinalLevel("good", "good")).toEqual({ ok: true });
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.finalLevel)).value).toBe("Hoàn thành tốt nhiệm vụ");
    const report = await service.evaluate();
    expect(report).toMatchObject({ unitLevel: "good", finalLevel: "good" });
  });

  test("the unit's level must exist first; the civil-servant level is a second cap", async () => {
    const { emulator, service } = await filled();
    expect(await service.setFinalLevel("good")).toEqual({ ok: false, reason: expect.stringContaining("Chưa có xếp loại của tập thể, đơn vị"), said: expect.objectContaining({ id: "engine.capMissing" }) });
    const refused = await service.setFinalLevel("good", "excellent", "complete");
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining("công chức"), said: expect.objectContaining({ id: "engine.capExceeded" }) });
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.finalLevel)).value).toBe("");
    expect(await service.setFinalLevel("complete", "excellent", "complete")).toEqual({ ok: true });
    expect((await service.status()).civilServantLevel).toBe("complete");
  });

  test("a final level typed above its cap in the sheet is an error at its cell, and the sheet flags it", async () => {
    const { emulator, service } = await filled();
    await service.setFinalLevel(null, "complete");
    const at = cellOf(emulator, NAMES.finalLevel);
    emulator.typeValue("Chỉ tiêu", at, "Hoàn thành tốt nhiệm vụ");
    const problems = await service.check();
    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ cell: at, severity: "error", message: expect.stringContaining("cao hơn mức của tập thể, đơn vị") })]),
    );
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.capCheck)).value).toBe("Lỗi: cao hơn xếp loại của tập thể, đơn vị");
    const report = await service.evaluate();
    expect(report.wrote).toBe(false);
  });

  test("a cap lowered by a colleague between the read and the write is caught in the write's round trip", async () => {
    const { emulator, service } = await filled();
    expect(await service.setFinalLevel(null, "excellent")).toEqual({ ok: true });
    const unitCell = cellOf(emulator, NAMES.unitLevel);
    emulator.resetStats();
    emulator.setLatency(20);
    const pending = service.setFinalLevel("excellent");
    // The read takes two round trips; while the third (the write) is on its way, a colleague types.
    while (emulator.stats.syncs < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    emulator.typeValue("Chỉ tiêu", unitCell, "Hoàn thành nhiệm vụ");
    const result = await pending;
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("vừa được thay đổi"), said: expect.objectContaining({ id: "sheet.capChangedMeanwhile" }) });
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.finalLevel)).value).toBe("");
    expect(emulator.cell("Chỉ tiêu", unitCell).value).toBe("Hoàn thành nhiệm vụ");
  });
});

describe("without optional requirement sets", () => {
  test("the core still sets up and evaluates", async () => {
    const none = { dataValidation: false, conditionalFormats: false, pageLayout: false, changeEvents: false, copyFormulas: false };
    const { emulator, service } = setup(none);
    expect((await service.setUp(SETUP)).problems).toEqual([]);
    emulator.typeValue("Chỉ tiêu", "H8", 2000);
    emulator.typeValue("Chỉ tiêu", "I8", 2100);
    expect((await service.evaluate()).evaluation.indicators[0].status).toBe("exceeded");
    expect(await service.onInputsChanged(() => undefined)).toBeNull();
  });
});

describe("print", () => {
  const header = {
    superiorBody: "ĐẢNG BỘ TỈNH PHÚ THỌ",
    issuingBody: "=BAN THƯỜNG VỤ",
    number: "12-BC/HU",
    placeDate: "Phú Thọ, ngày 20 tháng 12 năm 2025",
    signerTitle: "T/M BAN THƯỜNG VỤ",
    signerPosition: "BÍ THƯ",
    signerName: "Trần Văn Bình",
    recipients: "- Ban Thường vụ Tỉnh ủy,\n- Lưu.",
  };

  test("fills the header, builds Bản in from the table as it is and selects it", async () => {
    const { emulator, service } = await filled();
    expect(await service.preparePrint({ header })).toEqual([]);
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.superiorBody)).value).toBe("ĐẢNG BỘ TỈNH PHÚ THỌ");
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.issuingBody))).toMatchObject({ value: "=BAN THƯỜNG VỤ", formula: null });
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.signerName)).value).toBe("Trần Văn Bình");
    const print = emulator.snapshot().sheets.find((s) => s.name === "Bản in");
    expect(print?.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { scale: 100 } });
    expect(print?.pageLayout.printTitleRows).toContain("$7:$8"); // TẠM TÍNH's row repeats with the header
    expect(emulator.cell("Bản in", "A4").value).toBe("Số 12-BC/HU");
    expect(emulator.cell("Bản in", "B10").value).toBe("Kết nạp đảng viên mới");
    expect(emulator.cell("Bản in", "D10").value).toBe("2.000");
    expect(emulator.cell("Bản in", "E10").value).toBe("2.100");
    expect(emulator.cell("Bản in", "F10").value).toBe("105,00 %");
    expect(emulator.cell("Bản in", "A7").value).toBe("TẠM TÍNH");
    expect(emulator.cell("Bản in", "A1").value).toBe("ĐẢNG BỘ TỈNH PHÚ THỌ");
  });

  test("printing again rebuilds Bản in from the current table: a new indicator row is printed", async () => {
    const { emulator, service } = await filled();
    expect(await service.preparePrint({ header })).toEqual([]);
    await unprotect(emulator, "Chỉ tiêu");
    emulator.typeValue("Chỉ tiêu", "C8", "Kết nạp đảng viên mới trong năm");
    expect(await service.preparePrint({ header: { ...header, number: "13-BC/HU" } })).toEqual([]);
    expect(emulator.snapshot().sheets.filter((s) => s.name === "Bản in")).toHaveLength(1);
    expect(emulator.cell("Bản in", "A4").value).toBe("Số 13-BC/HU");
    expect(emulator.cell("Bản in", "B10").value).toBe("Kết nạp đảng viên mới trong năm");
  });

  test("the ribbon prints with the header the workbook holds, writing none of it", async () => {
    const { emulator, service } = await filled();
    expect(await service.preparePrint({})).toEqual([]);
    expect(emulator.cell("Bản in", "A4").value).toBe("Số    -BC/...");
    expect(await service.preparePrint({ header })).toEqual([]);
    const superior = cellOf(emulator, NAMES.superiorBody);
    await unprotect(emulator, "Chỉ tiêu");
    emulator.typeValue("Chỉ tiêu", superior, "ĐẢNG BỘ TỈNH TUYÊN QUANG");
    expect(await service.preparePrint({})).toEqual([]);
    expect(emulator.cell("Chỉ tiêu", superior).value).toBe("ĐẢNG BỘ TỈNH TUYÊN QUANG");
    expect(emulator.cell("Bản in", "A1").value).toBe("ĐẢNG BỘ TỈNH TUYÊN QUANG");
    expect(emulator.cell("Bản in", "A4").value).toBe("Số 12-BC/HU");
    const recipients = cellOf(emulator, NAMES.recipients);
    expect(emulator.cell("Bản in", recipients).value).toBe(header.recipients);
  });

  test("refused while the table has a data error: the errors are returned and nothing is written", async () => {
    const { emulator, service } = await filled();
    emulator.typeValue("Chỉ tiêu", "I8", "khoảng 2000");
    const before = emulator.snapshot();
    const problems = await service.preparePrint({ header });
    expect(messages(problems)).toEqual([expect.stringContaining('I8: Trang "Chỉ tiêu", ô I8')]);
    expect(problems.every((p) => p.severity === "error")).toBe(true);
    expect(emulator.snapshot()).toEqual(before);
  });

  test("a sheet of the user's own named Bản in is never replaced", async () => {
    const { emulator, service } = await filled();
    await emulator.run(async (context) => {
      context.workbook.worksheets.add("Bản in");
      await context.sync();
    });
    const problems = await service.preparePrint({ header });
    expect(problems.map((p) => p.sheet)).toEqual(["Bản in"]);
  });
});
