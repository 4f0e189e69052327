/**
 * Excel semantics for fast-formula-parser (MIT), which parses well but evaluates some things unlike Excel:
 *
 * - its operators take only the first element of an array (no element-wise broadcasting), so
 *   SUMPRODUCT(--(A1:A9="x")) and SUMPRODUCT((r="a")+(r="b"),w) come out wrong;
 * - a blank compares as 0 even against text (Excel: A1="" is TRUE for a blank A1), and text compares
 *   case-sensitively (Excel: "Đạt"="đạt");
 * - `--TRUE` stays TRUE (a plus sign count that cancels out skips the number conversion);
 * - ROUND rounds the binary value (1.00005 → 1.0000; Excel and LibreOffice give 1.0001), and makes 0 negative;
 * - AND/OR ignore error arguments, TRIM/UPPER/LEN/ISNUMBER do not map over arrays, IF cannot return a reference.
 *
 * The operators are replaced in the parser's own operator table (formulas/operators.js, the very object its
 * grammar calls); functions are overridden through the parser's `functions` option (`excelFunctions`).
 * Values: numbers, strings, booleans, null (a blank cell), FormulaError, and 2-D arrays of those.
 */
import FormulaParser from "fast-formula-parser";
import { Infix, Postfix, Prefix } from "fast-formula-parser/formulas/operators";

const { FormulaError, FormulaHelpers } = FormulaParser;
type FormulaError = FormulaParser.FormulaError;

/** A function argument as the parser passes it (references already resolved to values). */
type Arg = FormulaParser.FunctionArg & { isRangeRef?: boolean; isCellRef?: boolean };
type Grid = unknown[][];

const isBlank = (v: unknown): v is null | undefined => v === null || v === undefined;

// ---------------------------------------------------------------------------------------------------------------
// Coercions

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/** Excel's number conversion for arithmetic: blank 0, booleans 0/1, numeric text parsed, other text #VALUE!. */
export function toNumber(v: unknown): number | FormulaError {
  if (typeof v === "number") return v;
  if (isBlank(v)) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof FormulaError) return v;
  if (typeof v === "string") {
    const text = v.trim();
    if (!NUMERIC_TEXT.test(text)) return FormulaError.VALUE;
    return text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
  }
  return FormulaError.VALUE;
}

/** Number as Excel's General format turns it into text: at most 15 significant digits, "1E+21". */
function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15))).replace(/e([+-])(\d)$/, "E$10$2").replace(/e/, "E");
}

export function toText(v: unknown): string | FormulaError {
  if (typeof v === "string") return v;
  if (isBlank(v)) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return numberToText(v);
  if (v instanceof FormulaError) return v;
  return FormulaError.VALUE;
}

/** A logical test: numbers are TRUE unless 0, blank is FALSE, only "TRUE"/"FALSE" text is accepted. */
function toBoolean(v: unknown): boolean | FormulaError {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (isBlank(v)) return false;
  if (v instanceof FormulaError) return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return FormulaError.VALUE;
}

// ---------------------------------------------------------------------------------------------------------------
// Element-wise evaluation

/** A 1×1 array is its element; unions and other parser objects are not values. */
function unwrap(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 1 && (v as Grid)[0].length === 1 ? (v as Grid)[0][0] : v;
  if (typeof v === "object" && v !== null && !(v instanceof FormulaError)) return FormulaError.VALUE;
  return v;
}

/** Element (r, c) of an operand broadcast to a larger array: single rows/columns repeat, beyond the edge is #N/A. */
function elementAt(v: unknown, r: number, c: number): unknown {
  if (!Array.isArray(v)) return v;
  const grid = v as Grid;
  const row = grid.length === 1 ? grid[0] : grid[r];
  if (!row) return FormulaError.NA;
  const cell = row.length === 1 ? 0 : c;
  return cell < row.length ? row[cell] : FormulaError.NA;
}

const height = (v: unknown) => (Array.isArray(v) ? v.length : 1);
const width = (v: unknown) => (Array.isArray(v) ? ((v as Grid)[0]?.length ?? 0) : 1);

/** Applies a scalar operation to one or two operands, element by element when either is an array. */
export function lift(f: (a: unknown, b: unknown) => unknown, x: unknown, y?: unknown): unknown {
  const a = unwrap(x);
  const b = unwrap(y);
  const gridA = Array.isArray(a) ? (a as Grid) : null;
  const gridB = Array.isArray(b) ? (b as Grid) : null;
  if (!gridA && !gridB) return f(a, b);
  // Fast paths (an array with a value, two arrays of one size): the duplicate-code check alone makes O(rows²) elements.
  if (gridA && !gridB) return gridA.map((line) => line.map((v) => f(v, b)));
  if (gridB && !gridA) return gridB.map((line) => line.map((v) => f(a, v)));
  if (gridA && gridB && gridA.length === gridB.length && width(gridA) === width(gridB)) {
    return gridA.map((line, r) => line.map((v, c) => f(v, gridB[r][c])));
  }
  const rows = Math.max(height(a), height(b));
  const cols = Math.max(width(a), width(b));
  const out: Grid = [];
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < cols; c++) line.push(f(elementAt(a, r, c), elementAt(b, r, c)));
    out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Operators

const EPS48 = 2 ** -48;

/** Equal within the last bits, as LibreOffice's approxEqual and Excel's 15-digit comparisons (0.1+0.2=0.3). */
function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  const d = Math.abs(a - b);
  return d < Math.abs(a) * EPS48 && d < Math.abs(b) * EPS48;
}

/** Excel orders across types as number < text < boolean. */
const typeRank = (v: unknown) => (typeof v === "number" ? 1 : typeof v === "string" ? 2 : 3);

const blankFor = (other: unknown) => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);

/** -1, 0 or 1; a blank takes the other side's type ("" / 0 / FALSE), text compares case-insensitively. */
function compareValues(x: unknown, y: unknown): number {
  const a = isBlank(x) ? blankFor(y) : x;
  const b = isBlank(y) ? blankFor(x) : y;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return approxEqual(a, b) ? 0 : a < b ? -1 : 1;
  if (typeof a === "string" && typeof b === "string") {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la === lb ? 0 : la < lb ? -1 : 1;
  }
  return a === b ? 0 : a ? 1 : -1;
}

function compareScalars(x: unknown, op: string, y: unknown): unknown {
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  const c = compareValues(x, y);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
    default:
      throw new Error(`Unknown comparison ${op}`);
  }
}

/** A sum that cancels to within rounding noise is 0, as in Excel and LibreOffice (approxAdd). */
function approxAdd(a: number, b: number): number {
  const sum = a + b;
  return ((a < 0 && b > 0) || (a > 0 && b < 0)) && approxEqual(a, -b) ? 0 : sum;
}

function mathScalars(x: unknown, op: string, y: unknown): unknown {
  const a = toNumber(x);
  if (a instanceof FormulaError) return a;
  const b = toNumber(y);
  if (b instanceof FormulaError) return b;
  let result: number;
  switch (op) {
    case "+":
      result = approxAdd(a, b);
      break;
    case "-":
      result = approxAdd(a, -b);
      break;
    case "*":
      result = a * b;
      break;
    case "/":
      if (b === 0) return FormulaError.DIV0;
      result = a / b;
      break;
    case "^":
      if (a === 0 && b === 0) return FormulaError.NUM;
      result = a ** b;
      break;
    default:
      throw new Error(`Unknown operator ${op}`);
  }
  return Number.isFinite(result) ? result + 0 : FormulaError.NUM;
}

function concatScalars(x: unknown, y: unknown): unknown {
  const a = toText(x);
  if (a instanceof FormulaError) return a;
  const b = toText(y);
  if (b instanceof FormulaError) return b;
  return a + b;
}

/** Element-wise results by operand array, operator and other operand; see memoized. */
const elementWise = new WeakMap<object, Map<string, Map<unknown, unknown>>>();

/**
 * An element-wise operation on an array the formula engine shares within a calculation pass (a range read once
 * per pass, or a result memoized here) is computed once: the summary lines repeat ($K$8:$K$1807="Vượt") and
 * its like dozens of times. Arrays are never mutated, so equal operands give equal results.
 */
function memoized(op: string, x: unknown, y: unknown, compute: () => unknown): unknown {
  const left = Array.isArray(x);
  const anchor = left ? x : y;
  if (!Array.isArray(anchor)) return compute();
  const other = left ? y : x;
  let byOp = elementWise.get(anchor);
  if (!byOp) elementWise.set(anchor, (byOp = new Map()));
  const key = `${left ? "L" : "R"}${op}`;
  let byOther = byOp.get(key);
  if (!byOther) byOp.set(key, (byOther = new Map()));
  if (byOther.has(other)) return byOther.get(other);
  const result = compute();
  byOther.set(other, result);
  return result;
}

let installed = false;

/** Replaces fast-formula-parser's operators with broadcasting, blank-aware, case-insensitive ones (idempotent). */
export function installExcelOperators(): void {
  if (installed) return;
  installed = true;
  // Scalar operands skip the broadcasting machinery: most operations of a sheet are scalar.
  const scalar = (v: unknown) => typeof v !== "object" || v === null || v instanceof FormulaError;
  Infix.compareOp = (v1, op, v2) =>
    scalar(v1) && scalar(v2) ? compareScalars(v1, op, v2) : memoized(op, v1, v2, () => lift((a, b) => compareScalars(a, op, b), v1, v2));
  Infix.mathOp = (v1, op, v2) =>
    scalar(v1) && scalar(v2) ? mathScalars(v1, op, v2) : memoized(op, v1, v2, () => lift((a, b) => mathScalars(a, op, b), v1, v2));
  Infix.concatOp = (v1, _op, v2) => lift(concatScalars, v1, v2);
  // Any minus converts to a number (so --TRUE is 1); plus signs alone leave the value as it is, like Excel.
  Prefix.unaryOp = (prefixes, value) => {
    const negative = prefixes.filter((p) => p === "-").length;
    if (negative === 0) return unwrap(value);
    const convert = () =>
      lift((v) => {
        const n = toNumber(v);
        return n instanceof FormulaError || negative % 2 === 0 ? n : 0 - n;
      }, value);
    return Array.isArray(value) ? memoized(negative % 2 === 0 ? "--" : "-", value, null, convert) : convert();
  };
  Postfix.percentOp = (value) =>
    lift((v) => {
      const n = toNumber(v);
      return n instanceof FormulaError ? n : n / 100;
    }, value);
}

// ---------------------------------------------------------------------------------------------------------------
// Functions

/** Maps a one-value function over an argument, element-wise for arrays and ranges. */
let map1Count = 0;
const map1 = (f: (v: unknown) => unknown) => {
  const op = `fn${++map1Count}`;
  return (arg: Arg) => {
    const result = Array.isArray(arg.value) ? memoized(op, arg.value, null, () => lift(f, arg.value)) : lift(f, arg.value);
    if (result instanceof FormulaError) throw result;
    return result;
  };
};

const textFn = (f: (s: string) => unknown) =>
  map1((v) => {
    const s = toText(v);
    return s instanceof FormulaError ? s : f(s);
  });

/** Excel's ROUND: half away from zero, after taking the value to 15 significant digits. */
export function roundExcel(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const d = Math.trunc(digits);
  const scale = 10 ** Math.abs(d);
  let scaled = d >= 0 ? Math.abs(value) * scale : Math.abs(value) / scale;
  // Only a value within noise of a half can round differently at 15 digits (toPrecision is slow).
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
  const whole = Math.floor(scaled + 0.5);
  const rounded = d >= 0 ? whole / scale : whole * scale;
  return value < 0 ? 0 - rounded : rounded;
}

/** Logical arguments of AND/OR: errors propagate; text and blanks in references are skipped, literal text is #VALUE!. */
function logicalValues(args: Arg[]): boolean[] {
  const out: boolean[] = [];
  for (const arg of args) {
    if (arg.omitted) continue;
    const fromReference = Array.isArray(arg.value) || arg.isCellRef === true || arg.isRangeRef === true;
    const items = Array.isArray(arg.value) ? (arg.value as Grid).flat() : [arg.value];
    for (const v of items) {
      if (v instanceof FormulaError) throw v;
      if (fromReference && (typeof v === "string" || isBlank(v))) continue;
      const b = toBoolean(v);
      if (b instanceof FormulaError) throw b;
      out.push(b);
    }
  }
  if (out.length === 0) throw FormulaError.VALUE;
  return out;
}

/** SUMPRODUCT: same-sized arrays (a value is 1×1); entries that are not numbers count as 0; errors propagate. */
function sumProduct(...args: Arg[]): number {
  const grids = args.map((a) => (Array.isArray(a.value) ? (a.value as Grid) : [[a.value]]));
  const rows = grids[0]?.length ?? 0;
  const cols = grids[0]?.[0]?.length ?? 0;
  if (grids.some((g) => g.length !== rows || (g[0]?.length ?? 0) !== cols)) throw FormulaError.VALUE;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let product = 1;
      for (const g of grids) {
        const v = g[r][c];
        if (v instanceof FormulaError) throw v;
        product *= typeof v === "number" ? v : 0;
      }
      sum += product;
    }
  }
  return sum;
}

/** IF gets raw arguments (the parser lists it as "needs context, no data retrieval"); the chosen branch may stay a reference. */
function excelIf(context: unknown, test: unknown, ...branches: unknown[]): unknown {
  const condition = FormulaHelpers.retrieveArg(context, test).value;
  const pick = (b: boolean) => {
    if (branches.length < (b ? 1 : 2)) return false; // IF(x,y) with x FALSE
    const branch = branches[b ? 0 : 1];
    return branch === null ? 0 : branch; // IF(x,,z) or IF(x,y,)
  };
  const single = unwrap(condition);
  if (!Array.isArray(single)) {
    const b = toBoolean(single);
    if (b instanceof FormulaError) return b;
    return pick(b);
  }
  // An array condition picks element by element.
  const values = branches.map((b) => (b === null ? 0 : FormulaHelpers.retrieveArg(context, b).value));
  return lift((v) => {
    const b = toBoolean(v);
    if (b instanceof FormulaError) return b;
    return b ? (values[0] ?? false) : values.length < 2 ? false : values[1];
  }, single);
}

/** Overrides of fast-formula-parser functions whose results differ from Excel's. */
export const excelFunctions: Record<string, (...args: never[]) => unknown> = {
  IF: excelIf,
  AND: (...args: Arg[]) => logicalValues(args).every(Boolean),
  OR: (...args: Arg[]) => logicalValues(args).some(Boolean),
  NOT: map1((v) => {
    const b = toBoolean(v);
    return b instanceof FormulaError ? b : !b;
  }),
  // Excel's TRIM removes ASCII spaces only: at both ends, and runs inside down to one.
  TRIM: textFn((s) => (s.startsWith(" ") || s.endsWith(" ") || s.includes("  ") ? s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ") : s)),
  UPPER: textFn((s) => s.toUpperCase()),
  LOWER: textFn((s) => s.toLowerCase()),
  LEN: textFn((s) => s.length),
  ISNUMBER: map1((v) => typeof v === "number"),
  ISTEXT: map1((v) => typeof v === "string"),
  ISBLANK: map1((v) => isBlank(v)),
  ISNA: map1((v) => v instanceof FormulaError && v.error === "#N/A"),
  ISERROR: map1((v) => v instanceof FormulaError),
  SUMPRODUCT: sumProduct,
  ROUND: (number: Arg, digits: Arg) => {
    const result = lift(
      (v, d) => {
        const n = toNumber(v);
        const k = toNumber(d);
        return n instanceof FormulaError ? n : k instanceof FormulaError ? k : roundExcel(n, k);
      },
      number.value,
      digits.value,
    );
    if (result instanceof FormulaError) throw result;
    return result;
  },
};
