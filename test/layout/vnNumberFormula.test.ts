/**
 * The Vietnamese number text formulas, evaluated by the emulator's formula engine (the LibreOffice
 * test in test/libreoffice/vnNumber.test.ts checks the same table in a real spreadsheet engine).
 */
import { vnNumberFormula, vnPercentFormula } from "../../src/layout/vnNumberFormula";
import { createWorkbookEmulator } from "../../src/preview/emulator";
import { NUMBER_CASES, PERCENT_CASES } from "./vnNumberCases";

async function evaluate(formulas: readonly string[], inputs: readonly number[]): Promise<unknown[]> {
  const emu = createWorkbookEmulator({ sheets: ["S"] });
  inputs.forEach((value, i) => {
    emu.typeValue("S", `A${i + 1}`, value);
    emu.typeValue("S", `B${i + 1}`, `=${formulas[i]}`);
  });
  return inputs.map((_, i) => emu.cell("S", `B${i + 1}`).value);
}

test("numbers: thousands with '.', decimals with ',', trailing zeros dropped", async () => {
  const texts = await evaluate(NUMBER_CASES.map((_, i) => vnNumberFormula(`A${i + 1}`, 2)), NUMBER_CASES.map(([x]) => x));
  expect(texts).toEqual(NUMBER_CASES.map(([, text]) => text));
});

test("with one digit group (points), numbers below 1000 read as with five", async () => {
  const below = NUMBER_CASES.filter(([x]) => Math.abs(x) < 999.995);
  expect(below.length).toBeGreaterThan(3);
  const texts = await evaluate(below.map((_, i) => vnNumberFormula(`A${i + 1}`, 2, 1)), below.map(([x]) => x));
  expect(texts).toEqual(below.map(([, text]) => text));
  expect(vnNumberFormula("A1", 2, 1).length).toBeLessThan(vnNumberFormula("A1", 2).length / 3);
});

test("percentages: two decimals and a spaced % sign, rounded half away from zero", async () => {
  const texts = await evaluate(PERCENT_CASES.map((_, i) => vnPercentFormula(`A${i + 1}`)), PERCENT_CASES.map(([x]) => x));
  expect(texts).toEqual(PERCENT_CASES.map(([, text]) => text));
});

test("no locale-dependent or Excel-2010-unsafe function is used", () => {
  const used = new Set([vnNumberFormula("A1", 2), vnPercentFormula("A1")].flatMap((f) => [...f.matchAll(/([A-Z]+)\(/g)].map((m) => m[1])));
  expect([...used].sort()).toEqual(["ABS", "AND", "IF", "INT", "LEFT", "RIGHT", "ROUND"]);
});
