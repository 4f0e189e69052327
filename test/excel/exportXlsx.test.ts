import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import { snapshotToXlsx } from "../../src/preview/exportXlsx";
import { setup, SETUP } from "./helpers";

test("the preview's workbook downloads as an .xlsx that reads back to the same evaluation", async () => {
  const { emulator, service } = setup();
  await service.setUp(SETUP);
  emulator.typeValue("Chỉ tiêu", "H8", 2000);
  emulator.typeValue("Chỉ tiêu", "I8", 2100);
  emulator.typeValue("Chỉ tiêu", "H9", 20);
  emulator.typeValue("Chỉ tiêu", "I9", "'24");
  await service.setFinalLevel("good", "excellent");
  const report = await service.evaluate();
  const read = await readUnitWorkbook(Buffer.from(await snapshotToXlsx(emulator.snapshot())));
  expect(read.evaluation?.indicators).toEqual(report.evaluation.indicators);
  expect(read.evaluation?.summary).toEqual(report.evaluation.summary);
  expect(read).toMatchObject({ sheet: "Chỉ tiêu", unitLevel: "excellent", finalLevel: "good" });
  expect(read.problems.map((p) => p.cell)).toEqual(report.problems.map((p) => p.cell));
});
