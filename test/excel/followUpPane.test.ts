// "Theo dõi" in the add-in over the emulator (issue 16 §2): the sheet added to a unit set up in the
// pane, the unit table's actuals recorded as a quarter's snapshot (values, with its date) in a fixed
// number of round trips, figures already recorded replaced only when asked, and every snapshot
// judged by the engine against what was due by its date.
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { DEFAULT_LETTERS, excelDate, FOLLOW_UP_SHEET, periodColumn, type FollowUpCadence } from "../../src/layout/unit";
import { formulasLeftAsText, row, SETUP, setup } from "./helpers";

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
