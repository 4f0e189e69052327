/**
 * Tall columns of a layout mostly hold one formula shifted row by row. Such a run is written
 * once: the adapter sends its first row and Excel fills the rest (src/excel/formulaRuns.ts), and
 * the .xlsx writer stores it as a shared formula (<f t="shared">), so that neither what is sent
 * nor the file grows with the rows' formula text.
 */
import { formulaShifter } from "./shiftFormula";
import type { Block, CellContent, Owner } from "./types";

/**
 * Rows `row` … `row + rows - 1` of block columns `column` … `column + columns - 1` (0-based in the
 * block): every row holds row `row`'s formulas shifted down by its distance from it.
 */
export interface FormulaRun {
  readonly row: number;
  readonly rows: number;
  readonly column: number;
  readonly columns: number;
}

const formulaOf = (cell: CellContent | undefined): string | null => (cell && "formula" in cell ? cell.formula : null);

/** Runs of two rows or more, per column; side-by-side columns with the same rows make one run. */
export function formulaRuns(cells: readonly (readonly CellContent[])[]): FormulaRun[] {
  const single: FormulaRun[] = [];
  const width = cells[0]?.length ?? 0;
  for (let column = 0; column < width; column++) {
    let row = 0;
    while (row < cells.length) {
      const first = formulaOf(cells[row][column]);
      let end = row + 1;
      if (first !== null) {
        const shifted = formulaShifter(first);
        while (end < cells.length && formulaOf(cells[end][column]) === shifted(end - row, 0)) end += 1;
      }
      if (end - row >= 2) single.push({ row, rows: end - row, column, columns: 1 });
      row = end;
    }
  }
  // Columns are visited left to right: a run joins the one of the same rows ending just before it.
  const merged: FormulaRun[] = [];
  const open = new Map<string, number>();
  for (const run of single) {
    const key = `${run.row}:${run.rows}`;
    const index = open.get(key);
    if (index !== undefined && merged[index].column + merged[index].columns === run.column) {
      merged[index] = { ...merged[index], columns: merged[index].columns + 1 };
    } else {
      open.set(key, merged.length);
      merged.push(run);
    }
  }
  return merged;
}

/**
 * A block of `rows` rows whose first holds `formulas` and every other row the same shifted down:
 * the tall formula columns of a task register (150,000 rows of about 300 characters a formula at
 * 5,000 tasks), stated once. Its cells are spelled out only when a reader of the layout asks for
 * them, and then kept (not enumerable: the layout's JSON and copies carry the run, not its rows).
 */
export function formulaRunBlock(at: string, formulas: readonly string[], rows: number, owner: Owner): Block {
  const block = { at, owner, run: { formulas, rows } } as Block;
  let cells: CellContent[][] | undefined;
  Object.defineProperty(block, "cells", {
    enumerable: false,
    get: () => {
      if (cells === undefined) {
        const shifters = formulas.map(formulaShifter);
        cells = Array.from({ length: rows }, (_, r) => shifters.map((shifted, c) => ({ formula: r === 0 ? formulas[c] : shifted(r, 0) })));
      }
      return cells;
    },
  });
  return block;
}

/** A block's formula runs: a run block's one run, or those found in its cells. */
export function blockFormulaRuns(block: Block): FormulaRun[] {
  if (block.run) return block.run.rows >= 2 ? [{ row: 0, rows: block.run.rows, column: 0, columns: block.run.formulas.length }] : [];
  return formulaRuns(block.cells);
}
