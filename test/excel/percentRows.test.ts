/**
 * A "%" row in a workbook the pane sets up (issue 15 §3, docs/rules.md §2): its target and actual
 * cells carry a percent format, so "85 %" typed against 80 is 106,25 % in the sheet's own formula
 * and in Đánh giá, as the CLI says of the same figures.
 */
import { DEFAULT_CATALOGUE, evaluate } from "../../src/domain";
import { row, setup, SETUP } from "./helpers";

test("85 % typed against a target of 80 is 106,25 % exceeded in the sheet and the evaluation", async () => {
  const { emulator, service } = setup();
  await service.setUp(SETUP);
  const i = DEFAULT_CATALOGUE.indicators.findIndex((ind) => ind.code === "1.3");
  expect(DEFAULT_CATALOGUE.indicators[i].unit).toBe("%");
  expect([emulator.cell("Chỉ tiêu", `H${row(i)}`).numberFormat, emulator.cell("Chỉ tiêu", `I${row(i)}`).numberFormat]).toEqual(["0.00%", "0.00%"]);
  // Excel's percent entry: 80 typed in a percent cell is stored 0,8, "85 %" is 0,85.
  emulator.typeValue("Chỉ tiêu", `H${row(i)}`, 0.8);
  emulator.typeValue("Chỉ tiêu", `I${row(i)}`, "85%");
  expect([emulator.cell("Chỉ tiêu", `J${row(i)}`).value, emulator.cell("Chỉ tiêu", `K${row(i)}`).value]).toEqual([1.0625, "Vượt"]);
  const report = await service.evaluate();
  const cli = evaluate({ indicators: [{ code: "1.3", unit: "%", direction: "increase", target: 80, actual: "85 %" }] });
  expect(report.evaluation.indicators[i]).toMatchObject({ code: "1.3", achievement: cli.indicators[0].achievement, status: "exceeded" });
  expect(cli.indicators[0].achievement).toBe(1.0625);
});
