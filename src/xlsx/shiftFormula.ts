import { columnIndex, columnLetter } from "../layout/addresses";

/**
 * A formula moved by rows and columns as Excel fills it: relative references shift, $ parts do
 * not. Used for the followers of a shared formula (<f t="shared" si="n"/>), which a file stores
 * only once, in the range's first cell. Text in "quotes", 'quoted sheet' names and [structured]
 * references are copied as they are; a reference shifted off the sheet becomes #REF!.
 */

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Characters that continue a name or a number: a reference cannot start or end next to them. */
const NAME_CHAR = /[\p{L}\p{N}_.\\]/u;
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/y;
const COLUMNS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const ROWS = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/y;
const NAME_RUN = /[\p{L}\p{N}_.\\$]+/uy;

const REF_ERROR = "#REF!";

function shiftRow(fixed: string, row: string, by: number): string | null {
  const shifted = fixed ? Number(row) : Number(row) + by;
  return shifted >= 1 && shifted <= MAX_ROWS ? `${fixed}${shifted}` : null;
}

function shiftColumn(fixed: string, letters: string, by: number): string | null {
  const index = columnIndex(letters);
  if (index >= MAX_COLUMNS) return null;
  const shifted = fixed ? index : index + by;
  return shifted >= 0 && shifted < MAX_COLUMNS ? `${fixed}${columnLetter(shifted)}` : null;
}

/** The end of a quoted run ("text" or 'sheet'), where a doubled quote stands for one. */
function quotedEnd(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] !== quote) return i + 1;
      i += 2;
    } else i += 1;
  }
  return formula.length;
}

/** The end of a bracketed run ([Column], [[#This Row],[Column]], [1] of an external book). */
function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    if (formula[i] === "'" && depth > 0) i += 1; // ' escapes a bracket in a column name
    else if (formula[i] === "[") depth += 1;
    else if (formula[i] === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}

/** A reference matched at `at` that is not part of a longer name, number or function call. */
function matchAt(pattern: RegExp, formula: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  const m = pattern.exec(formula);
  if (!m) return null;
  const next = formula[at + m[0].length];
  return next !== undefined && (NAME_CHAR.test(next) || next === "(" || next === "!" || next === "$") ? null : m;
}

/** One reference at `at` shifted, with its length; null when there is no reference there. */
function shiftedReference(formula: string, at: number, rows: number, columns: number): { text: string; length: number } | null {
  const cell = matchAt(CELL, formula, at);
  if (cell && Number(cell[4]) >= 1 && Number(cell[4]) <= MAX_ROWS && columnIndex(cell[2]) < MAX_COLUMNS) {
    // A cell followed by ":" may start an area; each end shifts on its own.
    const column = shiftColumn(cell[1], cell[2], columns);
    const row = shiftRow(cell[3], cell[4], rows);
    return { text: column && row ? `${column}${row}` : REF_ERROR, length: cell[0].length };
  }
  const wholeColumns = matchAt(COLUMNS, formula, at);
  if (wholeColumns) {
    const from = shiftColumn(wholeColumns[1], wholeColumns[2], columns);
    const to = shiftColumn(wholeColumns[3], wholeColumns[4], columns);
    return { text: from && to ? `${from}:${to}` : REF_ERROR, length: wholeColumns[0].length };
  }
  const wholeRows = matchAt(ROWS, formula, at);
  if (wholeRows) {
    const from = shiftRow(wholeRows[1], wholeRows[2], rows);
    const to = shiftRow(wholeRows[3], wholeRows[4], rows);
    return { text: from && to ? `${from}:${to}` : REF_ERROR, length: wholeRows[0].length };
  }
  return null;
}

export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "[") {
      const end = bracketEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const startsToken = i === 0 || !NAME_CHAR.test(formula[i - 1]);
    if (startsToken && (ch === "$" || NAME_CHAR.test(ch))) {
      const ref = shiftedReference(formula, i, rows, columns);
      if (ref) {
        out += ref.text;
        i += ref.length;
        continue;
      }
      // A name, a function, a number or TRUE: copied whole, so its tail is not read as a reference.
      NAME_RUN.lastIndex = i;
      const run = NAME_RUN.exec(formula);
      const length = run ? run[0].length : 1;
      out += formula.slice(i, i + length);
      i += length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
