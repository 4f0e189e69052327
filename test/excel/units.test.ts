/**
 * A shared workbook through the Office.js adapter (issue 8 §1, §3): adding units to a workbook
 * that has one, every action on the active unit's sheet only, a clear refusal when the user is on
 * none of them, and the live comparison built over the unit sheets.
 */
import { DEFAULT_CATALOGUE, evaluate, LEVEL_NAMES } from "../../src/domain";
import { COMPARISON_FIRST_ROW, COMPARISON_PRINT_SCALE, COMPARISON_SHEETS, LIVE_COLUMNS, measureColumn, TOTAL_ROW_LABEL, TOTALS_GAP, LIVE_KINDS, LIVE_QUOTA_FIRST_ROW, NAMES, PUBLIC_HEADER_ROW, PUBLIC_SHEET, PUBLIC_TITLE_LINES, PUBLIC_TITLE_ROW, unitPlace } from "../../src/layout";
import { sheetMsg } from "../../src/domain/messages/sheet";
import type { WorkbookEmulator } from "../../src/preview/emulator";
import { ALL_FEATURES } from "../../src/excel/features";
import { cellOf, row, setup, SETUP, unprotect } from "./helpers";

const UNIT_2 = { ...SETUP, unitName: "Sông Lô", head: "Trần Thị B", unitKind: "district", addUnit: true } as const;
const SHEET_2 = unitPlace(2).sheet;

/** Type every figure of a unit, increase actuals at `base` + i (so two units differ). */
function fill(emulator: WorkbookEmulator, sheet: string, base: number): void {
  DEFAULT_CATALOGUE.indicators.forEach((indicator, i) => {
    if (indicator.direction === "milestone") {
      emulator.typeValue(sheet, `I${row(i)}`, "Đạt");
    } else {
      emulator.typeValue(sheet, `H${row(i)}`, 100);
      emulator.typeValue(sheet, `I${row(i)}`, indicator.direction === "increase" ? base + i : 95);
    }
  });
}

function engineFor(base: number, commonScore: number | null) {
  return evaluate({
    commonScore,
    indicators: DEFAULT_CATALOGUE.indicators.map((indicator, i) => ({
      ...indicator,
      target: indicator.direction === "milestone" ? null : 100,
      actual: indicator.direction === "milestone" ? "Đạt" : indicator.direction === "increase" ? base + i : 95,
    })),
  });
}

const sheetsNamed = (emulator: WorkbookEmulator, names: readonly string[]) => emulator.snapshot().sheets.filter((s) => names.includes(s.name));
const UNIT_1_SHEETS = ["Chỉ tiêu", "Tiêu chí chung"];
const UNIT_2_SHEETS = [SHEET_2, unitPlace(2).criteriaSheet];

async function twoUnits() {
  const { emulator, service } = setup();
  await service.setUp({ ...SETUP, unitKind: "district" });
  fill(emulator, "Chỉ tiêu", 100);
  for (const r of [7, 8, 9]) emulator.typeValue("Tiêu chí chung", `F${r}`, 9);
  emulator.typeValue("Chỉ tiêu", "O8", "ghi chú đơn vị 1");
  await service.setFinalLevel("good", "excellent");
  const added = await service.setUp(UNIT_2);
  fill(emulator, SHEET_2, 90);
  for (const r of [7, 8, 9]) emulator.typeValue(unitPlace(2).criteriaSheet, `F${r}`, 8);
  return { emulator, service, added };
}

describe("adding a unit to a workbook that has one", () => {
  test("an old single-unit workbook is upgraded in place: unit 1 keeps every cell, name and table; unit 2 gets its own", async () => {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    fill(emulator, "Chỉ tiêu", 100);
    emulator.typeValue("Chỉ tiêu", "O9", "số liệu đã nhập");
    await service.setFinalLevel("good", "excellent");
    const before = emulator.snapshot();
    emulator.resetStats();
    const result = await service.setUp(UNIT_2);
    expect(emulator.stats.syncs).toBeLessThanOrEqual(3);
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([sheetMsg.createdSheet.of(SHEET_2), sheetMsg.createdSheet.of(unitPlace(2).criteriaSheet), sheetMsg.addedUnit.of("Sông Lô", SHEET_2)]);
    const after = emulator.snapshot();
    expect(sheetsNamed(emulator, [...UNIT_1_SHEETS, "Danh mục", "Quy tắc"]).map((s) => s.cells)).toEqual(
      before.sheets.filter((s) => [...UNIT_1_SHEETS, "Danh mục", "Quy tắc"].includes(s.name)).map((s) => s.cells),
    );
    // Every name of unit 1 is still there and unchanged; unit 2's are its own, on its own sheets.
    expect(after.names.filter((n) => before.names.some((b) => b.name === n.name))).toEqual(before.names);
    const added = after.names.filter((n) => !before.names.some((b) => b.name === n.name));
    expect(added.length).toBeGreaterThan(30);
    for (const n of added) {
      expect(n.name).toMatch(/_2$/);
      expect(n.formula).toMatch(new RegExp(`^='(${UNIT_2_SHEETS.join("|")})'!`));
    }
    expect(after.activeSheet).toBe(SHEET_2);
    expect(after.sheets.find((s) => s.name === SHEET_2)?.tables.map((t) => t.name)).toEqual(["tblChiTieu_2"]);
    expect(emulator.cell(SHEET_2, "B5").value).toBe("Sông Lô");
    expect(emulator.cell("Chỉ tiêu", "I9").value).toBe(101);
    // Unit 2's status is its own: nothing typed yet, no levels.
    const status = await service.status();
    expect(status).toMatchObject({ unitName: "Sông Lô", unitSheetName: SHEET_2, finalLevel: null, unitKind: "district", unitChosen: true });
    expect(status.units).toEqual([
      { sheet: "Chỉ tiêu", unitName: "Tam Đảo", active: false },
      { sheet: SHEET_2, unitName: "Sông Lô", active: true },
    ]);
  });

  test("a third unit is numbered after the others; adding to an empty workbook sets up the first", async () => {
    const { emulator, service } = setup();
    const first = await service.setUp(UNIT_2);
    expect(first.changes).toEqual(expect.arrayContaining([sheetMsg.createdSheet.of("Chỉ tiêu")]));
    await service.setUp(UNIT_2);
    await service.setUp({ ...UNIT_2, unitName: "Lập Thạch" });
    expect(emulator.snapshot().sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Chỉ tiêu", SHEET_2, "Chỉ tiêu 3", "Tiêu chí chung 3"]));
    expect(emulator.cell("Chỉ tiêu 3", cellOf(emulator, "TenDonVi_3")).value).toBe("Lập Thạch");
  });
});

describe("every action works on the active unit's sheet only", () => {
  test("evaluate, check, final level and print on unit 2 leave unit 1's sheets as they were", async () => {
    const { emulator, service, added } = await twoUnits();
    expect(added.problems).toEqual([]);
    // A person typed over a computed cell on both sheets.
    for (const sheet of ["Chỉ tiêu", SHEET_2]) {
      await unprotect(emulator, sheet);
      emulator.typeValue(sheet, "K8", "Vượt");
    }
    const unit1 = JSON.stringify(sheetsNamed(emulator, UNIT_1_SHEETS));
    await service.selectCell(SHEET_2, "A1");

    const report = await service.evaluate({ restoreFormulas: true });
    expect(report.problems).toEqual([]);
    expect(report.wrote).toBe(true);
    expect(report.evaluation.summary).toEqual(engineFor(90, 24).summary);
    expect(engineFor(90, 24).summary).not.toEqual(engineFor(100, 27).summary);
    expect(emulator.cell(SHEET_2, "K8").formula).toMatch(/^=/);
    expect(emulator.cell("Chỉ tiêu", "K8").formula).toBeNull();

    await unprotect(emulator, SHEET_2);
    emulator.typeValue(SHEET_2, "H9", "nhiều");
    const problems = await service.check();
    expect(problems.map((p) => p.sheet)).toEqual(expect.arrayContaining([SHEET_2]));
    expect(problems.every((p) => p.sheet !== "Chỉ tiêu")).toBe(true);
    emulator.typeValue(SHEET_2, "H9", 100);

    expect(await service.setFinalLevel("complete", "good")).toEqual({ ok: true });
    expect(emulator.cell(SHEET_2, cellOf(emulator, `${NAMES.finalLevel}_2`)).value).toBe(LEVEL_NAMES.complete);

    expect(await service.preparePrint({})).toEqual([]);
    const printed = emulator.snapshot().sheets.find((s) => s.name === "Bản in")?.cells.map((c) => String(c.value ?? "")) ?? [];
    const upper = printed.map((text) => text.toLocaleUpperCase("vi"));
    expect(upper.some((text) => text.includes("SÔNG LÔ"))).toBe(true);
    expect(upper.some((text) => text.includes("TAM ĐẢO"))).toBe(false);
    // From "Bản in", the unit printed is the one worked on.
    expect(emulator.snapshot().activeSheet).toBe("Bản in");
    expect((await service.status()).unitName).toBe("Sông Lô");
    expect(await service.check()).toEqual([]);

    expect(JSON.stringify(sheetsNamed(emulator, UNIT_1_SHEETS))).toBe(unit1);
    expect(emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.finalLevel)).value).toBe(LEVEL_NAMES.good);
  });

  test("on a sheet of no unit, with several units, every action refuses with the units to choose from", async () => {
    const { emulator, service } = await twoUnits();
    await service.selectCell("Quy tắc", "A1");
    const before = JSON.stringify(emulator.snapshot());
    const message = sheetMsg.chooseUnit(["Chỉ tiêu", SHEET_2]);
    expect((await service.check()).map((p) => p.detail)).toEqual([message]);
    expect((await service.evaluate({ restoreFormulas: true })).problems.map((p) => p.detail)).toEqual([message]);
    expect(await service.setFinalLevel("excellent", "excellent")).toEqual({
      ok: false,
      reason: expect.stringContaining(message),
      said: expect.objectContaining({ id: "sheet.placed" }),
    });
    expect((await service.preparePrint({})).map((p) => p.detail)).toEqual([message]);
    expect((await service.setUp(SETUP)).problems.map((p) => p.detail)).toEqual([message]);
    expect((await service.status()).unitChosen).toBe(false);
    expect(JSON.stringify(emulator.snapshot())).toBe(before);
    // On unit 2's criteria sheet, unit 2 is the one worked on.
    await service.selectCell(unitPlace(2).criteriaSheet, "A1");
    expect((await service.status()).unitName).toBe("Sông Lô");
  });
});

describe("the live comparison of the workbook's units", () => {
  test("So sánh and Hạn mức follow the unit sheets, keep the committee's marks, and cost 3 round trips", async () => {
    const { emulator, service } = await twoUnits();
    emulator.resetStats();
    const built = await service.buildComparison();
    expect(emulator.stats.syncs).toBe(3);
    expect(built).toEqual({ changes: [sheetMsg.builtComparison.of(2)], problems: [] });
    const at = (r: number, c: string) => emulator.cell(COMPARISON_SHEETS.comparison, `${c}${r}`).value;
    const first = COMPARISON_FIRST_ROW;
    expect([at(first, "B"), at(first + 1, "B")]).toEqual(["Tam Đảo", "Sông Lô"]);
    expect([at(first, "D"), at(first + 1, "D")]).toEqual([engineFor(100, 27).summary.points, engineFor(90, 24).summary.points]);
    expect([at(first, "F"), at(first, "I")]).toEqual([LEVEL_NAMES.good, LEVEL_NAMES.good]);
    expect([at(first, "G"), at(first + 1, "G")]).toEqual([1, 2]);
    // Live: a figure typed on unit 2 shows at once.
    emulator.typeValue(SHEET_2, "I8", 500);
    expect(at(first + 1, "N")).toBe(5); // K holds the level after the quota, the rank's key; L and M the target and actual
    expect([at(first + 1, "L"), at(first + 1, "M")]).toEqual([100, 500]);
    // Under the units, the province's total of their kind follows too: 100 + 500 against 100 + 100.
    const total = first + 1 + TOTALS_GAP + 2;
    expect(["B", "C", "L", "M", "N", "O"].map((c) => at(total, c))).toEqual([TOTAL_ROW_LABEL, "huyện, thị xã, thành phố", 200, 600, 3, "Vượt"]);
    // The committee marks a kind exceptional; building again keeps the mark.
    const district = LIVE_QUOTA_FIRST_ROW + LIVE_KINDS.indexOf("huyện, thị xã, thành phố");
    await unprotect(emulator, COMPARISON_SHEETS.quota);
    emulator.typeValue(COMPARISON_SHEETS.quota, `H${district}`, "x");
    expect(emulator.cell(COMPARISON_SHEETS.quota, `D${district}`).value).toBe(0.25);
    await service.buildComparison();
    expect(emulator.cell(COMPARISON_SHEETS.quota, `H${district}`).value).toBe("x");
    expect(emulator.cell(COMPARISON_SHEETS.quota, `B${district}`).value).toBe(2);
    expect(at(first, "H")).toBe("");
  });

  test("So sánh prints pages across, the unit columns and header rows on each, a group of indicators from a page's start; below ExcelApi 1.9, without a print setup", async () => {
    const { emulator, service } = await twoUnits();
    await service.buildComparison();
    const printed = (e: WorkbookEmulator) => e.snapshot().sheets.find((s) => s.name === COMPARISON_SHEETS.comparison)?.pageLayout;
    const sheet = `'${COMPARISON_SHEETS.comparison}'`;
    expect(printed(emulator)).toMatchObject({ orientation: "Landscape", zoom: { scale: COMPARISON_PRINT_SCALE }, printTitleColumns: `${sheet}!$A:$C`, printTitleRows: `${sheet}!$4:$6` });
    expect(printed(emulator)?.headersFooters.centerHeader).toContain("SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU");
    const indicators = DEFAULT_CATALOGUE.indicators;
    const groupStarts = indicators.flatMap((ind, i) => (i === 0 || indicators[i - 1].group !== ind.group ? [measureColumn(LIVE_COLUMNS.length, i, "target")] : []));
    expect(printed(emulator)?.columnBreaks).toEqual(expect.arrayContaining(groupStarts));
    expect(printed(emulator)?.columnBreaks.length).toBeGreaterThan(groupStarts.length);

    const older = setup({ ...ALL_FEATURES, pageLayout: false });
    await older.service.setUp({ ...SETUP, unitKind: "district" });
    expect((await older.service.buildComparison()).problems).toEqual([]);
    expect(printed(older.emulator)).toMatchObject({ printTitleColumns: null, printTitleRows: null, columnBreaks: [], zoom: { scale: 100 } });
  });

  test("Công khai is built with them, ranked live; a rebuild keeps its typed header lines; another sheet of that name is refused", async () => {
    const { emulator, service } = await twoUnits();
    await service.buildComparison();
    const at = (address: string) => emulator.cell(PUBLIC_SHEET, address).value;
    const first = PUBLIC_HEADER_ROW + 1;
    expect([at(`A${first}`), at(`B${first}`), at(`B${first + 1}`), at(`B${first + 2}`)]).toEqual(["I.", "Huyện, thị xã, thành phố", "Tam Đảo", "Sông Lô"]);
    expect(String(at(`A${PUBLIC_TITLE_ROW}`))).toBe(`${PUBLIC_TITLE_LINES[0]}\n${PUBLIC_TITLE_LINES[1]}${SETUP.year}`);
    // The office types its header and signer; Sông Lô's figures then outscore Tam Đảo's.
    emulator.typeValue(PUBLIC_SHEET, "A1", "ĐẢNG BỘ TỈNH VĨNH PHÚC");
    emulator.typeValue(PUBLIC_SHEET, "A4", "Số 15-BC/TU");
    const signer = first + 3 + 3 + 3;
    expect(at(`A${first + 3 + 3}`)).toBe("Nơi nhận:");
    emulator.typeValue(PUBLIC_SHEET, `C${signer}`, "Nguyễn Văn A");
    fill(emulator, SHEET_2, 100);
    for (const r of [7, 8, 9]) emulator.typeValue(unitPlace(2).criteriaSheet, `F${r}`, 10);
    expect([at(`B${first + 1}`), at(`B${first + 2}`)]).toEqual(["Sông Lô", "Tam Đảo"]);
    emulator.resetStats();
    await service.buildComparison();
    expect(emulator.stats.syncs).toBe(3);
    expect([at("A1"), at("A4"), at(`C${signer}`)]).toEqual(["ĐẢNG BỘ TỈNH VĨNH PHÚC", "Số 15-BC/TU", "Nguyễn Văn A"]);
    expect([at(`B${first + 1}`), at(`B${first + 2}`)]).toEqual(["Sông Lô", "Tam Đảo"]);

    const other = await twoUnits();
    await other.emulator.run(async (context) => {
      context.workbook.worksheets.add(PUBLIC_SHEET).getRange("A1").values = [["Danh sách của tôi"]];
      await context.sync();
    });
    const refused = await other.service.buildComparison();
    expect(refused.problems).toHaveLength(1);
    expect(refused.problems[0].message).toContain(sheetMsg.foreignSheet(PUBLIC_SHEET));
    expect(other.emulator.snapshot().sheets.map((s) => s.name)).not.toContain(COMPARISON_SHEETS.comparison);
  });
});
