// A status's colour rule (So sánh, from files and live) holds for a total whose units are partly left
// out ("Đạt (chưa tính 2 đơn vị)"), never for another status that ends in the same word.
import { STATUS_NAMES } from "../../src/domain";
import { statusIsFormula, TOTAL_LEFT_OUT } from "../../src/layout/formulas";
import { createWorkbookEmulator } from "../../src/preview/emulator";
import { sharedWorkbook } from "../../src/layout/unit";
import { COMPARISON_SHEETS } from "../../src/layout/comparison";

const CELLS = [
  STATUS_NAMES.met,
  `${STATUS_NAMES.met}${TOTAL_LEFT_OUT.before}2${TOTAL_LEFT_OUT.after}`,
  `${STATUS_NAMES.notMet}${TOTAL_LEFT_OUT.before}1${TOTAL_LEFT_OUT.after}`,
  STATUS_NAMES.notMet,
  STATUS_NAMES.exceeded,
  `${STATUS_NAMES.met} `,
  "",
];

test.each([
  [STATUS_NAMES.met, [true, true, false, false, false, false, false]],
  [STATUS_NAMES.notMet, [false, false, true, true, false, false, false]],
  [STATUS_NAMES.exceeded, [false, false, false, false, true, false, false]],
])("the rule for %s", async (word, expected) => {
  const emu = createWorkbookEmulator();
  await emu.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange(`A1:A${CELLS.length}`).values = CELLS.map((c) => [c]);
    ws.getRange(`B1:B${CELLS.length}`).formulas = CELLS.map((_, i) => [`=${statusIsFormula(`A${i + 1}`, word)}`]);
    await context.sync();
  });
  await emu.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange(`B1:B${CELLS.length}`).load("values");
    await context.sync();
    expect(range.values.map((row) => row[0])).toEqual(expected);
  });
});

test("the live So sánh colours its totals by these rules", () => {
  const layout = sharedWorkbook(
    ["Tam Đảo", "Sông Lô"].map((unitName) => ({ unitName, head: "A", year: 2025, unitKind: "district" as const })),
    { comparison: true },
  );
  const sheet = layout.sheets.find((s) => s.name === COMPARISON_SHEETS.comparison);
  expect(sheet?.conditionalFormats.map((c) => c.formula)).toEqual(expect.arrayContaining([expect.stringContaining(`LEFT(`), expect.stringContaining(`${STATUS_NAMES.met}${TOTAL_LEFT_OUT.before}`)]));
});
