import { columnIndex, columnLetter, MAX_COLUMNS, MAX_ROWS } from "./addresses";

/**
 * A formula moved by rows and columns as Excel fills it: relative references shift, $ parts do
 * not. Used for the followers of a shared formula (<f t="shared" si="n"/>), which a file stores
 * only once, in the range's first cell; by the adapter to find the columns it can fill with
 * `Range.copyFrom`; and by the emulator to carry that copy out. Text in "quotes", 'quoted sheet' names and [structured]
 * references are copied as they are; a reference shifted off the sheet becomes #REF!.
 */

/** Characters that continue a name or a number: a reference cannot start or end next to them. */
const NAME_CHAR = /[\p{L}\p{N}_.\\]/u;
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/y;
const COLUMNS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const ROWS = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/y;
const NAME_RUN = /[\p{L}\p{N}_.\\$]+/uy;

const REF_ERROR = "#REF!";

/** A reference's text for a shift of rows and columns. */
type Shift = (rows: number, columns: number) => string;

/** A row part ("$"? and number) as a function of the shift; null once off the sheet. */
function rowPart(fixed: string, row: string): (by: number) => string | null {
  const number = Number(row);
  return (by) => {
    const shifted = fixed ? number : number + by;
    return shifted >= 1 && shifted <= MAX_ROWS ? `${fixed}${shifted}` : null;
  };
}

/** A column part ("$"? and letters) as a function of the shift; null once off the sheet. */
function columnPart(fixed: string, letters: string): (by: number) => string | null {
  const index = columnIndex(letters);
  const unshifted = index < MAX_COLUMNS ? `${fixed}${columnLetter(index)}` : null;
  return (by) => {
    if (unshifted === null || fixed || by === 0) return unshifted;
    const shifted = index + by;
    return shifted >= 0 && shifted < MAX_COLUMNS ? columnLetter(shifted) : null;
  };
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

/** The reference at `at` as a function of the shift, with its length; null when there is none. */
function referenceAt(formula: string, at: number): { shift: Shift; length: number } | null {
  const cell = matchAt(CELL, formula, at);
  if (cell && Number(cell[4]) >= 1 && Number(cell[4]) <= MAX_ROWS && columnIndex(cell[2]) < MAX_COLUMNS) {
    // A cell followed by ":" may start an area; each end shifts on its own.
    const column = columnPart(cell[1], cell[2]);
    const row = rowPart(cell[3], cell[4]);
    return {
      shift: (rows, columns) => {
        const c = column(columns);
        const r = row(rows);
        return c && r ? `${c}${r}` : REF_ERROR;
      },
      length: cell[0].length,
    };
  }
  const wholeColumns = matchAt(COLUMNS, formula, at);
  if (wholeColumns) {
    const from = columnPart(wholeColumns[1], wholeColumns[2]);
    const to = columnPart(wholeColumns[3], wholeColumns[4]);
    return { shift: (_rows, columns) => area(from(columns), to(columns)), length: wholeColumns[0].length };
  }
  const wholeRows = matchAt(ROWS, formula, at);
  if (wholeRows) {
    const from = rowPart(wholeRows[1], wholeRows[2]);
    const to = rowPart(wholeRows[3], wholeRows[4]);
    return { shift: (rows) => area(from(rows), to(rows)), length: wholeRows[0].length };
  }
  return null;
}

const area = (from: string | null, to: string | null): string => (from && to ? `${from}:${to}` : REF_ERROR);

export function shiftFormula(formula: string, rows: number, columns: number): string {
  return rows === 0 && columns === 0 ? formula : formulaShifter(formula)(rows, columns);
}

/**
 * A formula read once and shifted many times (a column filled down, a copy tiled): the text
 * between references is kept, each reference recomputed.
 */
export function formulaShifter(formula: string): Shift {
  const pieces: (string | Shift)[] = [];
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
      const ref = referenceAt(formula, i);
      if (ref) {
        pieces.push(out, ref.shift);
        out = "";
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
  pieces.push(out);
  return (rows, columns) => (rows === 0 && columns === 0 ? formula : pieces.map((piece) => (typeof piece === "string" ? piece : piece(rows, columns))).join(""));
}
