/**
 * A single typed value recomputes only what depends on it: on a 1,800-row unit sheet every cell must
 * equal a full recalculation (Application.calculate) after each edit, and one edit must evaluate a
 * small part of the formulas a full recalculation evaluates (counted, not timed: a loaded machine
 * stretches the clock). The timings are printed as bench figures.
 */
import FormulaParser from "fast-formula-parser";
import { STATUS_NAMES } from "../../src/domain";
import { unitSheetPositions } from "../../src/layout";
import { DEFAULT_LETTERS } from "../../src/layout/unit";
import type { WorkbookEmulator, WorkbookSnapshot } from "../../src/preview/emulator";
import { proofCases, type ProofCase } from "../proof/cases";
import { layoutFor } from "../proof/expected";
import { load } from "./layoutLoader";

const ROWS = 1800;

/** Every cell's value, by sheet and address. */
function values(snapshot: WorkbookSnapshot): Record<string, unknown> {
  return Object.fromEntries(snapshot.sheets.flatMap((s) => s.cells.map((c) => [`${s.name}!${c.address}`, c.value])));
}

async function fullRecalculation(emu: WorkbookEmulator): Promise<Record<string, unknown>> {
  await emu.run(async (context) => {
    context.workbook.application.calculate("Full");
    await context.sync();
  });
  return values(emu.snapshot());
}

/** Every formula the emulator evaluates goes through the parser. */
const parse = jest.spyOn(FormulaParser.prototype, "parse");
afterAll(() => parse.mockRestore());

/** Formulas evaluated while `recalculate` runs. */
function evaluations(recalculate: () => void): number {
  const before = parse.mock.calls.length;
  recalculate();
  return parse.mock.calls.length - before;
}

/**
 * Types one entry and returns how many formulas bringing the workbook up to date evaluated; its wall
 * and CPU time are logged as bench figures (a busy machine inflates wall time several-fold, not CPU time).
 */
function edit(emu: WorkbookEmulator, sheet: string, address: string, input: string | number | null): number {
  emu.typeValue(sheet, address, input);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const evaluated = evaluations(() => emu.cell(sheet, "A1"));
  const used = process.cpuUsage(cpu);
  const elapsed = performance.now() - started;
  console.log(`bench: recalculation after typing ${address}: ${evaluated} formulas, ${elapsed.toFixed(1)} ms wall, ${((used.user + used.system) / 1000).toFixed(1)} ms CPU`);
  return evaluated;
}

describe(`one edit on a ${ROWS}-row unit sheet`, () => {
  const indicators = proofCases(1000)
    .flatMap((c) => c.indicators)
    .slice(0, ROWS)
    .map((i, n) => ({ ...i, code: `${Math.floor(n / 5) + 1}.${(n % 5) + 1}` }));
  const c: ProofCase = { id: "large", preset: "qd366-2025", commonScore: 25, indicators };
  const layout = layoutFor(c);
  const sheet = layout.sheets[0].name;
  const { firstRow } = unitSheetPositions(ROWS);
  // An ordinary "increase" row far down the sheet (no typed results score: the proof cases plant invalid ones),
  // where doubling the target makes it exceeded.
  const index = indicators.findIndex(
    (i, n) => n > 700 && i.direction === "increase" && typeof i.target === "number" && i.target > 0 && i.score == null,
  );
  const target = Number(indicators[index].target);
  const row = firstRow + index;
  let emu: WorkbookEmulator;
  /** Formulas a full recalculation of the sheet evaluates. */
  let full = 0;

  beforeAll(async () => {
    emu = await load(layout);
    const started = performance.now();
    full = evaluations(() => emu.cell(sheet, "A1"));
    console.log(`bench: full recalculation of ${ROWS} rows: ${full} formulas, ${Math.round(performance.now() - started)} ms`);
  }, 120_000);

  const edits: [string, () => string, () => string | number | null][] = [
    ["an actual", () => `${DEFAULT_LETTERS.actual}${row}`, () => target * 2],
    ["a target, as text", () => `${DEFAULT_LETTERS.target}${firstRow + 3}`, () => "abc"],
    ["a cleared actual", () => `${DEFAULT_LETTERS.actual}${firstRow + ROWS - 1}`, () => null],
    // Every row's duplicate check reads the code column, so this one recomputes the whole sheet, as in Excel.
    ["a code that duplicates another", () => `${DEFAULT_LETTERS.code}${firstRow + 10}`, () => "1.1"],
  ];
  test.each(edits)(
    "typing %s recalculates as a full recalculation would",
    async (what, address, input) => {
      const evaluated = edit(emu, sheet, address(), input());
      expect(values(emu.snapshot())).toEqual(await fullRecalculation(emu));
      expect(evaluated).toBeGreaterThan(0);
      if (what !== "a code that duplicates another") expect(evaluated).toBeLessThan(full / 50);
    },
    120_000,
  );

  test("ten actuals typed one after another each evaluate a small part of the formulas", () => {
    const counts = Array.from({ length: 10 }, (_, i) => edit(emu, sheet, `${DEFAULT_LETTERS.actual}${firstRow + 100 * i}`, i + 1));
    for (const evaluated of counts) {
      expect(evaluated).toBeGreaterThan(0);
      expect(evaluated).toBeLessThan(full / 50);
    }
  });

  test("the edited row follows the edit", () => {
    emu.typeValue(sheet, `${DEFAULT_LETTERS.actual}${row}`, target);
    expect(emu.cell(sheet, `${DEFAULT_LETTERS.status}${row}`).value).toBe(STATUS_NAMES.met);
    emu.typeValue(sheet, `${DEFAULT_LETTERS.actual}${row}`, target * 2);
    expect(emu.cell(sheet, `${DEFAULT_LETTERS.status}${row}`).value).toBe(STATUS_NAMES.exceeded);
  });

  test("a rule typed on the rules sheet reaches the formulas that read it through a defined name", async () => {
    const formulas = layout.sheets[0].blocks.flatMap((b) => b.cells.flat()).flatMap((content) => ("formula" in content ? [content.formula] : []));
    const rule = layout.names.find((n) => n.sheet !== sheet && formulas.some((f) => new RegExp(`\\b${n.name}\\b`).test(f)));
    if (!rule) throw new Error("no rule name is read by the unit sheet");
    const before = values(emu.snapshot());
    edit(emu, rule.sheet, rule.ref.replace(/\$/g, ""), "abc");
    const after = values(emu.snapshot());
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fullRecalculation(emu));
  }, 120_000);
});
