/**
 * The emulator evaluates the workbook's own formulas as Excel does: every proof case (the same ones
 * LibreOffice recalculates in test/proof/formulas.test.ts) is written into an emulated workbook, and
 * each "Tỷ lệ đạt", "Đánh giá" and summary cell must equal what the TypeScript engine computes.
 */
import { summaryCells, unitSheetPositions } from "../../src/layout";
import type { WorkbookLayout } from "../../src/layout/types";
import { createWorkbookEmulator, type WorkbookEmulator } from "../../src/preview/emulator";
import { proofCases, type ProofCase } from "../proof/cases";
import { blankAsNull, engine, expected, layoutFor, SUMMARY_NAMES, type SheetResult } from "../proof/expected";

const CASES = proofCases(60);

/** Column letters and row offsets of a block cell ("A8" + (1, 2) → "C9"). */
function offsetAddress(at: string, row: number, col: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(at);
  if (!m) throw new Error(`bad address ${at}`);
  let n = [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) + col;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${Number(m[2]) + row}`;
}

/** Writes a layout's cells and names into a new emulated workbook, as a user typing them would. */
async function load(layout: WorkbookLayout): Promise<WorkbookEmulator> {
  const emu = createWorkbookEmulator({ sheets: layout.sheets.map((s) => s.name) });
  for (const sheet of layout.sheets) {
    for (const block of sheet.blocks) {
      block.cells.forEach((line, r) =>
        line.forEach((content, c) => {
          const address = offsetAddress(block.at, r, c);
          if ("formula" in content) emu.typeValue(sheet.name, address, content.formula);
          else if (typeof content.value === "string") emu.typeValue(sheet.name, address, content.value === "" ? null : `'${content.value}`);
          else emu.typeValue(sheet.name, address, content.value);
        }),
      );
    }
  }
  await emu.run(async (context) => {
    for (const n of layout.names) context.workbook.names.add(n.name, `='${n.sheet}'!${n.ref}`);
    await context.sync();
  });
  return emu;
}

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

/** Rows of the timing case (a full 1,800-row sheet took about 11 s: fast-formula-parser needs ~2 ms per row formula). */
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
    const elapsed = performance.now() - started;
    expect(sheetResult(emu, layout.sheets[0].name, indicators.length)).toEqual(expected(engine(c), c));
    expect(elapsed).toBeLessThan(10_000);
  });
});
