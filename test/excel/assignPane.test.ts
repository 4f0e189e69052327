// "Giao chỉ tiêu" in the add-in over the emulator (issue 16 §1): the province's assignment sheets
// laid out in the open workbook, checked as `chitieu assign` checks the file (naming each cell), and
// every unit's workbook built as .xlsx bytes the CLI's reader reads back, in a fixed number of round
// trips whatever the number of units.
import ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { FOLLOW_UP_ROWS, FOLLOW_UP_SHEET, periodColumn } from "../../src/layout/unit";
import { NAMES } from "../../src/layout/schema";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS, DECISION_SHEET } from "../../src/layout/province";
import { columnLetter } from "../../src/layout/addresses";
import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import type { WorkbookEmulator } from "../../src/preview/emulator";
import { formulasLeftAsText, setup } from "./helpers";

const FIXED = ASSIGNMENT_COLUMNS.length;
const col = (key: (typeof ASSIGNMENT_COLUMNS)[number]["key"]) => columnLetter(ASSIGNMENT_COLUMNS.findIndex((c) => c.key === key));
const target = (direction: string) => (direction === "milestone" ? "Đạt" : direction === "decrease" ? 5 : 100);

/** Types every unit's head, kind and a target on every row, as an officer would in Excel. */
async function fillTargets(emulator: WorkbookEmulator, sheet: string, units: number): Promise<void> {
  await emulator.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const first = columnLetter(FIXED);
    const last = columnLetter(FIXED + units - 1);
    ws.getRange(`${first}${ASSIGNMENT_ROWS.head}:${last}${ASSIGNMENT_ROWS.kind}`).values = [
      Array.from({ length: units }, (_, u) => `Bí thư ${u + 1}`),
      Array.from({ length: units }, () => "huyện, thị xã, thành phố"),
    ];
    const rows = DEFAULT_CATALOGUE.indicators.map((ind) => Array.from({ length: units }, () => target(ind.direction)));
    ws.getRange(`${first}${ASSIGNMENT_ROWS.first}:${last}${ASSIGNMENT_ROWS.first + rows.length - 1}`).values = rows;
    await context.sync();
  });
}

const units = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);

async function province(groups: { name: string; units: string[] }[]) {
  const { emulator, service } = setup();
  emulator.resetStats();
  const created = await service.createAssignmentSheets({ year: 2021, groups });
  const syncs = emulator.stats.syncs;
  for (const [i, g] of groups.entries()) await fillTargets(emulator, `Giao chỉ tiêu ${i + 1}`, g.units.length);
  return { emulator, service, created, syncs };
}

describe("the province workbook's assignment sheets in the pane", () => {
  test("one sheet per group, the decision and the rules, in 2 round trips; never made again over typed targets", async () => {
    const { emulator, service, created, syncs } = await province([
      { name: "Huyện, thành phố", units: ["Tam Đảo", "Sông Lô"] },
      { name: "Sở, ngành", units: ["Sở Nội vụ"] },
    ]);
    expect(created.problems).toEqual([]);
    expect(syncs).toBe(2);
    const sheets = emulator.snapshot().sheets.map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining(["Giao chỉ tiêu 1", "Giao chỉ tiêu 2", DECISION_SHEET, "Quy tắc"]));
    expect(emulator.cell("Giao chỉ tiêu 1", "C2").value).toBe("Huyện, thành phố");
    expect(emulator.cell("Giao chỉ tiêu 1", `${columnLetter(FIXED + 1)}${ASSIGNMENT_ROWS.header}`).value).toBe("Sông Lô");

    for (const sheet of ["Giao chỉ tiêu 1", "Giao chỉ tiêu 2", DECISION_SHEET]) expect(formulasLeftAsText(emulator.snapshot(), sheet)).toEqual([]);
    const before = emulator.snapshot();
    const again = await service.createAssignmentSheets({ year: 2021, groups: [{ name: "Khác", units: ["X"] }] });
    expect(again.changes).toEqual([]);
    expect(again.problems.map((p) => p.message)).toEqual([expect.stringContaining("tblGiao1")]);
    expect(emulator.snapshot()).toEqual(before);
  });

  test("each unit's workbook: named as the CLI names it, with its targets, head, kind and the province's rules", async () => {
    const { emulator, service } = await province([
      { name: "Huyện, thành phố", units: ["Tam Đảo", "Sông Lô"] },
      { name: "Sở, ngành", units: ["Sở Nội vụ"] },
    ]);
    // The province's own target for 1.1 (additive), which the units' targets do not add up to: a warning.
    await emulator.run(async (context) => {
      context.workbook.worksheets.getItem("Giao chỉ tiêu 1").getRange(`${col("provinceTarget")}${ASSIGNMENT_ROWS.first}`).values = [[250]];
      await context.sync();
    });
    emulator.resetStats();
    const report = await service.assignUnits();
    expect(emulator.stats.syncs).toBe(2);
    expect(report.problems.map((p) => [p.sheet, p.cell, p.severity])).toEqual([["Giao chỉ tiêu 1", `${col("difference")}${ASSIGNMENT_ROWS.first}`, "warning"]]);
    expect(report.units.map((u) => [u.unit, u.group, u.file, u.indicators])).toEqual([
      ["Tam Đảo", "Huyện, thành phố", "Tam Đảo.xlsx", DEFAULT_CATALOGUE.indicators.length],
      ["Sông Lô", "Huyện, thành phố", "Sông Lô.xlsx", DEFAULT_CATALOGUE.indicators.length],
      ["Sở Nội vụ", "Sở, ngành", "Sở Nội vụ.xlsx", DEFAULT_CATALOGUE.indicators.length],
    ]);
    const read = await readUnitWorkbook(report.units[1].bytes);
    expect(read.namedValue(NAMES.unitName)).toBe("Sông Lô");
    expect(read.namedValue(NAMES.head)).toBe("Bí thư 2");
    expect(read.namedValue(NAMES.unitKind)).toBe("huyện, thị xã, thành phố");
    expect(read.namedValue(NAMES.year)).toBe(2021);
    expect(read.table?.rows.map((r) => r.input.target)).toEqual(DEFAULT_CATALOGUE.indicators.map((i) => target(i.direction)));
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    // Asked for by month, the units' "Theo dõi" has twelve column groups, still in two round trips.
    emulator.resetStats();
    const monthly = await service.assignUnits("month");
    expect(emulator.stats.syncs).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(monthly.units[0].bytes as unknown as ArrayBuffer);
    const followUp = wb.getWorksheet(FOLLOW_UP_SHEET) as ExcelJS.Worksheet;
    expect([periodColumn(3, "actual"), periodColumn(11, "actual")].map((c) => followUp.getCell(`${c}${FOLLOW_UP_ROWS.header}`).value)).toEqual(["Thực hiện", "Thực hiện"]);
    expect(followUp.getCell(`${periodColumn(4, "actual")}${FOLLOW_UP_ROWS.date}`).value).toBeInstanceOf(Date);
  });

  test("a missing target and a bad kind stop everything, each naming its cell; nothing is built", async () => {
    const { emulator, service } = await province([{ name: "Huyện", units: ["Tam Đảo", "Sông Lô"] }]);
    await emulator.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Giao chỉ tiêu 1");
      ws.getRange(`${columnLetter(FIXED + 1)}${ASSIGNMENT_ROWS.first + 2}`).values = [[""]];
      ws.getRange(`${columnLetter(FIXED)}${ASSIGNMENT_ROWS.kind}`).values = [["tỉnh"]];
      await context.sync();
    });
    const report = await service.assignUnits();
    expect(report.units).toEqual([]);
    expect(report.problems.map((p) => [p.cell, p.severity])).toEqual([
      [`${columnLetter(FIXED)}${ASSIGNMENT_ROWS.kind}`, "error"],
      [`${columnLetter(FIXED + 1)}${ASSIGNMENT_ROWS.first + 2}`, "error"],
    ]);
  });

  test("the same round trips for 2 units as for 8; two units that would share a file name stop it", async () => {
    const counts = [];
    for (const count of [1, 4]) {
      const { emulator, service } = await province([{ name: "Huyện", units: units("Huyện", count) }, { name: "Sở", units: units("Sở", count) }]);
      emulator.resetStats();
      const report = await service.assignUnits();
      expect(report.units).toHaveLength(2 * count);
      counts.push(emulator.stats.syncs);
    }
    expect(counts).toEqual([2, 2]);
    const { service } = await province([{ name: "Huyện", units: ["Tam Đảo"] }, { name: "Sở", units: ["Tam Đảo."] }]);
    const clash = await service.assignUnits();
    expect(clash.units).toEqual([]);
    expect(clash.problems.map((p) => p.message)).toEqual([expect.stringContaining("Tam Đảo.xlsx")]);
  });

  test("with no assignment sheet, says how to make one", async () => {
    const { service } = setup();
    const report = await service.assignUnits();
    expect(report.units).toEqual([]);
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringContaining("tblGiao")]);
  });
});
