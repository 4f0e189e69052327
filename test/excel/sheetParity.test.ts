import { DEFAULT_CATALOGUE, LEVEL_NAMES } from "../../src/domain";
import { DEFAULT_LETTERS, NAMES } from "../../src/layout";
import { cellOf, row, setup, SETUP, unprotect } from "./helpers";

/** Every indicator met, the first exceeded; 27 common points. */
async function filled() {
  const { emulator, service } = setup();
  expect((await service.setUp(SETUP)).problems).toEqual([]);
  DEFAULT_CATALOGUE.indicators.forEach((indicator, i) => {
    if (indicator.direction === "milestone") {
      emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(i)}`, "Đạt");
    } else {
      emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.target}${row(i)}`, 100);
      emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(i)}`, i === 0 ? 130 : 100);
    }
  });
  for (const criteriaRow of [7, 8, 9]) emulator.typeValue("Tiêu chí chung", `F${criteriaRow}`, 9);
  return { emulator, service };
}

describe("evaluate reads the sheet's own TongDiem and XepLoaiDeXuat beside the engine's (issue 17 §7)", () => {
  test("they agree on a sheet as the add-in made it, read in the same round trips", async () => {
    const { emulator, service } = await filled();
    emulator.resetStats();
    const report = await service.evaluate();
    expect(emulator.stats.syncs).toBeLessThanOrEqual(3);
    expect(report.problems).toEqual([]);
    expect(report.sheet).toEqual({ points: report.evaluation.summary.points, level: LEVEL_NAMES[report.evaluation.summary.level ?? "incomplete"] });
  });

  test("a status formula typed over makes the sheet disagree: the pane's problem names both values at the cells", async () => {
    const { emulator, service } = await filled();
    await unprotect(emulator, "Chỉ tiêu");
    // A person types "Không đạt" over a met row's status: Excel's counts change, the engine's do not.
    emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.status}${row(1)}`, "Không đạt");
    const report = await service.evaluate();
    const engine = report.evaluation.summary;
    expect(report.sheet?.level).toBe(LEVEL_NAMES.incomplete);
    expect(engine.level).not.toBe("incomplete");
    const parity = report.problems.filter((p) => p.detail.startsWith("Excel tính"));
    expect(parity.map((p) => [p.cell, p.severity])).toEqual([
      [cellOf(emulator, NAMES.points), "error"],
      [cellOf(emulator, NAMES.suggestedLevel), "error"],
    ]);
    expect(parity[1].detail).toContain(`Excel tính XepLoaiDeXuat = "${LEVEL_NAMES.incomplete}" nhưng Chỉ Tiêu tính ra "${LEVEL_NAMES[engine.level ?? "good"]}"`);
    expect(parity[0].detail).toMatch(/^Excel tính TongDiem = [\d,]+ nhưng Chỉ Tiêu tính ra [\d,]+:/);
    expect(report.overwrittenFormulas).toEqual([`${DEFAULT_LETTERS.status}${row(1)}`]);

    // Restoring the formula brings the two back together.
    await service.evaluate({ restoreFormulas: true });
    const again = await service.evaluate();
    expect(again.problems).toEqual([]);
  });
});

describe("a milestone done after its due date counts late on the sheet as in the engine (issue 15 §3)", () => {
  const milestone = DEFAULT_CATALOGUE.indicators.findIndex((indicator) => indicator.direction === "milestone");
  const type = async (cells: Readonly<Partial<Record<"due" | "done" | "late", string | number | null>>>) => {
    const { emulator, service } = await filled();
    for (const criteriaRow of [7, 8, 9]) emulator.typeValue("Tiêu chí chung", `F${criteriaRow}`, 10);
    emulator.typeValue("Chỉ tiêu", cellOf(emulator, NAMES.disciplineBelow), "Không");
    emulator.typeValue("Chỉ tiêu", cellOf(emulator, NAMES.shortcomingsRemedied), "Có");
    for (const [key, value] of Object.entries(cells)) emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS[key as keyof typeof cells]}${row(milestone)}`, value ?? null);
    const report = await service.evaluate();
    const sheetLate = emulator.cell("Chỉ tiêu", cellOf(emulator, NAMES.late)).value;
    return { report, sheetLate, row: report.evaluation.indicators[milestone].late };
  };

  test("done after due: late once, marked Không or Có; on the due date: not late; sheet and engine agree", async () => {
    expect(milestone).toBeGreaterThanOrEqual(0);
    const onTime = await type({ due: 45838, done: 45838 });
    expect([onTime.row, onTime.sheetLate, onTime.report.evaluation.summary.level]).toEqual([false, 0, "good"]);
    for (const late of [null, "Không", "Có"]) {
      const after = await type({ due: 45838, done: 45839, late });
      expect(after.report.problems).toEqual([]);
      expect([after.row, after.sheetLate, after.report.evaluation.summary.late]).toEqual([true, 1, 1]);
      expect(after.report.sheet?.level).toBe(LEVEL_NAMES.complete);
      expect(after.report.evaluation.summary.level).toBe("complete");
    }
  });
});

