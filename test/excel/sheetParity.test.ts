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
