import { DEFAULT_CATALOGUE } from "../../src/domain";
import { DEFAULT_LETTERS } from "../../src/layout";
import { row, setup, SETUP } from "./helpers";

describe("Bản in of a final result (issue 15 §5)", () => {
  test("no empty TẠM TÍNH row repeated on every page: only the table header repeats", async () => {
    const { emulator, service } = setup();
    expect((await service.setUp(SETUP)).problems).toEqual([]);
    DEFAULT_CATALOGUE.indicators.forEach((indicator, i) => {
      if (indicator.direction === "milestone") {
        emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(i)}`, "Đạt");
      } else {
        emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.target}${row(i)}`, 100);
        emulator.typeValue("Chỉ tiêu", `${DEFAULT_LETTERS.actual}${row(i)}`, 100);
      }
    });
    for (const criteriaRow of [7, 8, 9]) emulator.typeValue("Tiêu chí chung", `F${criteriaRow}`, 9);
    const report = await service.evaluate();
    expect(report.evaluation.summary).toMatchObject({ provisional: false, level: "good" });
    expect(await service.preparePrint({})).toEqual([]);
    const print = emulator.snapshot().sheets.find((s) => s.name === "Bản in");
    expect(print?.pageLayout.printTitleRows).toContain("$8:$8");
    expect(print?.pageLayout.printTitleRows).not.toContain("$7");
    expect(emulator.cell("Bản in", "A7").value).toBe("");
  });
});
