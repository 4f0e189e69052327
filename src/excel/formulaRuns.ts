/**
 * With ExcelApi 1.9 a formula run (src/layout/formulaRuns.ts) is sent once: its first row is
 * written and Excel fills the rest with `Range.copyFrom(first row, "Formulas")`, which shifts
 * relative references as a paste does and leaves the cells' formats and lock state alone. What is
 * sent then no longer grows with the rows.
 */
import type { FormulaRun } from "../layout/formulaRuns";

/** What a copy adds to a request (the action, both ranges' addresses and sheet), generously. */
export const COPY_BYTES = 400;

/** The block's inputs as sent: null, which Office.js leaves untouched, where a run's copy fills. */
export function withoutFollowers<T>(inputs: readonly (readonly T[])[], runs: readonly FormulaRun[]): (T | null)[][] {
  const sent: (T | null)[][] = inputs.map((row) => [...row]);
  for (const run of runs) {
    for (let r = run.row + 1; r < run.row + run.rows; r++) for (let c = run.column; c < run.column + run.columns; c++) sent[r][c] = null;
  }
  return sent;
}
