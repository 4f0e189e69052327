/**
 * The emulator evaluates the workbook's own formulas as Excel does: every proof case (the same ones
 * LibreOffice recalculates in test/proof/formulas.test.ts) is written into an emulated workbook, and
 * each "Tỷ lệ đạt", "Đánh giá" and summary cell must equal what the TypeScript engine computes.
 */
import { summaryCells, unitSheetPositions } from "../../src/layout";
import type { WorkbookEmulator } from "../../src/preview/emulator";
import { proofCases, type ProofCase } from "../proof/cases";
import { blankAsNull, engine, expected, layoutFor, SUMMARY_NAMES, type SheetResult } from "../proof/expected";
import { load } from "./layoutLoader";

const CASES = proofCases(60);

function sheetResult(emu: WorkbookEmulator, sheet: string, rowCount: number): SheetResult {
  const { firstRow, lastRow } = unitSheetPositions(rowCount);
  const rows = Array.from({ length: rowCount }, (_, i) => ({
    achievement: blankAsNull(emu.cell(sheet, `J${firstRow + i}`).value),
    status: blankAsNull(emu.cell(sheet, `K${firstRow + i}`).value),
  }));
  const cells = summaryCells(lastRow);
  const names = Object.fromEntries(
    SUMMARY_NAMES.map((name) => [name, blankAsNull(emu.cell(sheet, cells.find((c) => c.name === name)?.address ?? "A1").value)]),
  );
  return { rows, names };
}

describe("emulated worksheet formulas equal the engine", () => {
  test.each(CASES.map((c, i) => [c.id, i] as const))("%s", async (_id, index) => {
    const c = CASES[index];
    const layout = layoutFor(c);
    const emu = await load(layout);
    expect(sheetResult(emu, layout.sheets[0].name, c.indicators.length)).toEqual(expected(engine(c), c));
  });
});

/** Rows of the large case, whose recalculation time is printed as a bench figure (a full 1,800-row sheet took about 11 s: fast-formula-parser needs ~2 ms per row formula). */
const LARGE_ROWS = 300;

describe("a large unit sheet", () => {
  test(`${LARGE_ROWS} rows recalculate and equal the engine`, async () => {
    const indicators = proofCases(200)
      .flatMap((c) => c.indicators)
      .slice(0, LARGE_ROWS)
      .map((i, n) => ({ ...i, code: `${Math.floor(n / 5) + 1}.${(n % 5) + 1}` }));
    const c: ProofCase = { id: "large", preset: "qd366-2025", commonScore: 25, indicators };
    const layout = layoutFor(c);
    const emu = await load(layout);
    const started = performance.now();
    emu.cell(layout.sheets[0].name, "A1");
    console.log(`bench: full recalculation of ${LARGE_ROWS} rows ${Math.round(performance.now() - started)} ms`);
    expect(sheetResult(emu, layout.sheets[0].name, indicators.length)).toEqual(expected(engine(c), c));
  });
});
