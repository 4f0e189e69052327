// "Theo dõi" in the add-in over the emulator (issue 16 §2): the sheet added to a unit set up in the
// pane, the unit table's actuals recorded as a quarter's snapshot (values, with its date) in a fixed
// number of round trips, figures already recorded replaced only when asked, and every snapshot
// judged by the engine against what was due by its date.
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { DEFAULT_LETTERS, excelDate, FOLLOW_UP_SHEET, periodColumn, type FollowUpCadence } from "../../src/layout/unit";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { followUpPaneMsg } from "../../src/domain/messages/followUpPane";
import { snapshotToXlsx } from "../../src/preview/exportXlsx";
import { tempDirs } from "../support/tempDirs";
import { formulasLeftAsText, row, SETUP, setup } from "./helpers";

const newDir = tempDirs("chitieu-followup-pane-");

/** A unit of 2021 with "Theo dõi" and 1.1 (new members, pro rata) given 120 for the year and 50 done so far. */
async function unitWithFollowUp(cadence?: FollowUpCadence) {
  const { emulator, service } = setup();
  await service.setUp(SETUP);
  emulator.resetStats();
  const created = await service.createFollowUp(cadence);
  const createSyncs = emulator.stats.syncs;
  emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.target}${row(0)}`, 120);
  emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(0)}`, 50);
  return { emulator, service, created, createSyncs };
}

const FIRST = 5; // the first indicator row of "Theo dõi"

describe("follow-up in the pane", () => {
  test("the sheet is added once, its rows linked to the unit table", async () => {
    const { emulator, service, created, createSyncs } = await unitWithFollowUp();
    expect(created.problems).toEqual([]);
    expect(createSyncs).toBe(3);
    expect(formulasLeftAsText(emulator.snapshot(), FOLLOW_UP_SHEET)).toEqual([]);
    expect(emulator.cell(FOLLOW_UP_SHEET, `A${FIRST}`).value).toBe("1.1");
    expect(emulator.cell(FOLLOW_UP_SHEET, `E${FIRST}`).value).toBe(120);
    const again = await service.createFollowUp();
    expect(again.changes).toEqual([]);
    expect(again.problems).toHaveLength(1);
  });

  test("a snapshot keeps the actuals as they stood, judged pro rata; reading and recording cost fixed round trips", async () => {
    const { emulator, service } = await unitWithFollowUp();
    emulator.resetStats();
    const recorded = await service.recordSnapshot({ period: 1, asOf: "2021-06-30" });
    expect(emulator.stats.syncs).toBe(3);
    expect(recorded.problems).toEqual([]);
    expect(recorded.wrote).toBe(true);
    const actual = periodColumn(1, "actual");
    expect(emulator.cell(FOLLOW_UP_SHEET, `${actual}3`).value).toBe(excelDate(2021, 6, 30));
    expect(emulator.cell(FOLLOW_UP_SHEET, `${actual}${FIRST}`).value).toBe(50);
    expect(emulator.cell(FOLLOW_UP_SHEET, `${actual}${FIRST}`).formula).toBeNull(); // a value: later typing leaves it
    const first = recorded.snapshots[0];
    expect([first.period, first.asOf, first.figures.length]).toEqual([1, "2021-06-30", DEFAULT_CATALOGUE.indicators.length]);
    expect(first.figures[0]).toMatchObject({ code: "1.1", name: "Kết nạp đảng viên mới", unit: "người", target: 120, actual: 50, expected: 60, status: "notMet", behind: true, rule: "proRata" });
    // The sheet's own formulas agree: 60 due by 30/06, 50 done.
    expect(emulator.cell(FOLLOW_UP_SHEET, `${periodColumn(1, "expected")}${FIRST}`).value).toBe(60);

    // Typing on in the unit table leaves the snapshot as it was; reading it costs two round trips.
    emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(0)}`, 70);
    emulator.resetStats();
    const read = await service.readFollowUp();
    expect(emulator.stats.syncs).toBe(2);
    expect(read.snapshots.map((s) => [s.asOf, s.figures[0].actual])).toEqual([["2021-06-30", 50]]);
  });

  test("figures already in the period are replaced only when asked; nothing is written before", async () => {
    const { emulator, service } = await unitWithFollowUp();
    await service.recordSnapshot({ period: 1, asOf: "2021-05-31" });
    emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(0)}`, 70);
    const before = emulator.snapshot();
    const refused = await service.recordSnapshot({ period: 1, asOf: "2021-06-30" });
    expect([refused.wrote, refused.needsReplace]).toEqual([false, true]);
    expect(refused.problems.map((p) => [p.sheet, p.cell])).toEqual([[FOLLOW_UP_SHEET, `${periodColumn(1, "actual")}${FIRST}`]]);
    expect(refused.problems[0].message).toContain("31/05/2021");
    expect(emulator.snapshot()).toEqual(before);
    const replaced = await service.recordSnapshot({ period: 1, asOf: "2021-06-30", replace: true });
    expect(replaced.wrote).toBe(true);
    expect(replaced.snapshots[0].figures[0]).toMatchObject({ actual: 70, expected: 60, behind: false });
  });

  test("a date outside the period's quarter or the year is refused at the date cell", async () => {
    const { service } = await unitWithFollowUp();
    const wrongQuarter = await service.recordSnapshot({ period: 0, asOf: "2021-06-30" });
    const wrongYear = await service.recordSnapshot({ period: 1, asOf: "2020-06-30" });
    for (const refused of [wrongQuarter, wrongYear]) expect([refused.wrote, refused.problems.map((p) => p.sheet)]).toEqual([false, [FOLLOW_UP_SHEET]]);
    expect(wrongQuarter.problems[0].cell).toBe(`${periodColumn(0, "actual")}3`);
  });

  test("a sheet kept by month holds May and June apart; a quarter's snapshot goes to its last month", async () => {
    const { emulator, service, created } = await unitWithFollowUp("month");
    expect(created.problems).toEqual([]);
    expect(emulator.cell(FOLLOW_UP_SHEET, `${periodColumn(11, "actual")}3`).value).toBe(excelDate(2021, 12, 31));
    await service.recordSnapshot({ period: 1, asOf: "2021-05-31" });
    emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(0)}`, 70);
    emulator.resetStats();
    const june = await service.recordSnapshot({ period: 1, asOf: "2021-06-30" });
    expect(emulator.stats.syncs).toBe(3);
    expect([june.wrote, june.needsReplace, june.cadence]).toEqual([true, false, "month"]);
    expect(june.snapshots.map((s) => [s.period, s.asOf, s.figures[0].actual, s.figures[0].expected])).toEqual([
      [4, "2021-05-31", 50, 50],
      [5, "2021-06-30", 70, 60],
    ]);
    expect(emulator.cell(FOLLOW_UP_SHEET, `${periodColumn(4, "actual")}${FIRST}`).value).toBe(50);
    expect(emulator.cell(FOLLOW_UP_SHEET, `${periodColumn(5, "expected")}${FIRST}`).value).toBe(60);
    const wrongQuarter = await service.recordSnapshot({ period: 0, asOf: "2021-06-30" });
    expect(wrongQuarter.problems[0].cell).toBe(`${periodColumn(2, "actual")}3`);
  });

  test("a sheet kept by quarter reads as such", async () => {
    const { service } = await unitWithFollowUp();
    expect((await service.readFollowUp()).cadence).toBe("quarter");
  });
});

describe("follow-up of each unit of a shared workbook", () => {
  /** Two units of 2021; the user on the second unit's sheet, 1.1 given 120 there and 50 done. */
  async function twoUnits() {
    const { emulator, service } = setup();
    await service.setUp(SETUP);
    await service.setUp({ ...SETUP, unitName: "Sông Lô", addUnit: true });
    await service.selectCell("Chỉ tiêu 2", "A1");
    emulator.typeValue("Chỉ tiêu 2", `${DEFAULT_LETTERS.target}${row(0)}`, 120);
    emulator.typeValue("Chỉ tiêu 2", `${DEFAULT_LETTERS.actual}${row(0)}`, 50);
    return { emulator, service };
  }

  test("unit 2 gets its own 'Theo dõi 2' over its own table, recorded there in the same round trips", async () => {
    const { emulator, service } = await twoUnits();
    expect((await service.readFollowUp()).unit).toEqual({ sheet: "Theo dõi 2", unitName: "Sông Lô" });
    emulator.resetStats();
    const created = await service.createFollowUp();
    expect(emulator.stats.syncs).toBe(3);
    expect(created).toEqual({ changes: [followUpPaneMsg.createdFollowUp.of("Theo dõi 2")], problems: [] });
    const sheets = emulator.snapshot().sheets.map((s) => s.name);
    expect(sheets).toContain("Theo dõi 2");
    expect(sheets).not.toContain(FOLLOW_UP_SHEET);
    expect(emulator.cell("Theo dõi 2", `A${FIRST}`).formula).toBe(`='Chỉ tiêu 2'!$A${row(0)}&""`);
    expect(emulator.cell("Theo dõi 2", `E${FIRST}`).value).toBe(120);

    // Created, "Theo dõi 2" is the active sheet: the unit is still unit 2.
    emulator.resetStats();
    const recorded = await service.recordSnapshot({ period: 1, asOf: "2021-06-30" });
    expect(emulator.stats.syncs).toBe(3);
    expect([recorded.wrote, recorded.problems, recorded.unit?.sheet]).toEqual([true, [], "Theo dõi 2"]);
    expect(emulator.cell("Theo dõi 2", `${periodColumn(1, "actual")}${FIRST}`).value).toBe(50);
    expect(recorded.snapshots[0].figures[0]).toMatchObject({ code: "1.1", target: 120, actual: 50, expected: 60, behind: true });
  });

  test("on a sheet of no unit, reading and recording name the units' sheets and write nothing", async () => {
    const { emulator, service } = await twoUnits();
    await service.createFollowUp();
    await service.selectCell("Quy tắc", "A1");
    const before = emulator.snapshot();
    const read = await service.readFollowUp();
    expect([read.unit, read.exists, read.problems.map((p) => p.sheet)]).toEqual([null, false, ["Quy tắc"]]);
    expect(read.problems[0].message).toContain('"Chỉ tiêu 2"');
    const refused = await service.recordSnapshot({ period: 1, asOf: "2021-06-30" });
    expect([refused.wrote, refused.unit]).toEqual([false, null]);
    expect((await service.createFollowUp()).changes).toEqual([]);
    expect(emulator.snapshot()).toEqual(before);
  });

  test("unit 1 keeps 'Theo dõi' and its snapshot while unit 2 records in its own; saved, consolidation by quarter reads both", async () => {
    const { emulator, service } = await twoUnits();
    await service.selectCell("Chỉ tiêu", "A1");
    emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.target}${row(0)}`, 200);
    emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(0)}`, 150);
    await service.createFollowUp();
    await service.recordSnapshot({ period: 1, asOf: "2021-06-30" });
    await service.selectCell("Chỉ tiêu 2", "A1");
    await service.createFollowUp();
    await service.recordSnapshot({ period: 1, asOf: "2021-06-30" });
    const actual = `${periodColumn(1, "actual")}${FIRST}`;
    expect([emulator.cell(FOLLOW_UP_SHEET, actual).value, emulator.cell("Theo dõi 2", actual).value]).toEqual([150, 50]);
    await service.selectCell(FOLLOW_UP_SHEET, "A1");
    const first = await service.readFollowUp();
    expect([first.unit?.unitName, first.snapshots[0].figures[0].actual, first.snapshots[0].figures[0].expected]).toEqual(["Tam Đảo", 150, 100]);

    // The workbook saved and consolidated mid-year: each unit stands at its own snapshot.
    const file = join(newDir(), "so-chung.xlsx");
    writeFileSync(file, await snapshotToXlsx(emulator.snapshot()));
    const result = await run(["consolidate", file, "--quarter", "2", "-o", join(newDir(), "quy-2.xlsx"), "--json"]);
    const json = JSON.parse(result.stdout) as { units: { unit: string; snapshot: string | null; problems: { cell?: string }[] }[]; totals: { code: string; target: number; actual: number }[] };
    // (The file's rules, those of 2025, differ from 2021's preset the consolidation applies: noted on "Quy tắc".)
    expect(json.units.map((u) => [u.unit, u.snapshot, u.problems.filter((p) => !p.cell?.startsWith("Quy tắc"))])).toEqual([
      ["Tam Đảo", "2021-06-30", []],
      ["Sông Lô", "2021-06-30", []],
    ]);
    // New members due by 30/06: 100 + 60; done: 150 + 50.
    expect(json.totals.find((t) => t.code === "1.1")).toMatchObject({ target: 160, actual: 200 });
  });
});
