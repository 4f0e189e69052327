import FormulaParser from "fast-formula-parser";
import referenceFunctions from "fast-formula-parser/formulas/functions/reference";

type Arg = FormulaParser.FunctionArg;
const { FormulaError, FormulaHelpers } = FormulaParser;

/** Flattens a (possibly 2-D) argument; blanks arrive as null. */
function flat(arg: Arg | undefined): unknown[] {
  if (!arg || arg.omitted) return [];
  return Array.isArray(arg.value) ? (arg.value as unknown[][]).flat() : [arg.value];
}

function firstError(items: unknown[]): void {
  const err = items.find((v) => v instanceof FormulaError);
  if (err) throw err;
}

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === null || value === undefined) return 0;
  if (value instanceof FormulaError) throw value;
  const text = String(value).trim();
  if (text !== "" && !Number.isNaN(Number(text))) return Number(text);
  throw FormulaError.VALUE;
}

/**
 * Excel criteria semantics: numeric operands only match numbers, text compares case-insensitively with * ?
 * wildcards. Compiled once per criterion, since COUNTIF over a whole table column tests it on every row.
 */
export function criterionMatcher(criterion: unknown): (value: unknown) => boolean {
  if (typeof criterion === "number" || typeof criterion === "boolean") return (value) => value === criterion;
  const text = criterion === null || criterion === undefined ? "" : String(criterion);
  const m = /^(<=|>=|<>|=|<|>)?(.*)$/s.exec(text);
  const op = m?.[1] ?? "=";
  const operand = m?.[2] ?? "";
  if (operand === "") return (value) => (value === null || value === "") !== (op === "<>");
  const num = Number(operand);
  if (operand.trim() !== "" && !Number.isNaN(num)) return (value) => (typeof value !== "number" ? op === "<>" : compare(value, num, op));
  if (/^(true|false)$/i.test(operand)) {
    const wanted = operand.toLowerCase() === "true";
    return (value) => (op === "<>" ? value !== wanted : op === "=" && value === wanted);
  }
  if (op === "=" || op === "<>") {
    const pattern = new RegExp(`^${operand.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/~[*?~]|[*?]/g, (w) => (w.length === 2 ? `\\${w[1]}` : w === "*" ? ".*" : "."))}$`, "is");
    return (value) => (typeof value === "string" && pattern.test(value)) === (op === "=");
  }
  const lower = operand.toLowerCase();
  return (value) => typeof value === "string" && compare(value.toLowerCase(), lower, op);
}

function compare<T extends number | string>(a: T, b: T, op: string): boolean {
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    default:
      return a === b;
  }
}

function extreme(args: Arg[], pick: (a: number, b: number) => number): number {
  const numbers: number[] = [];
  for (const arg of args) {
    const items = flat(arg);
    firstError(items);
    // Literal arguments are coerced; text, booleans and blanks in references are ignored, as in Excel.
    if (Array.isArray(arg.value) || (arg as Arg & { isCellRef?: boolean }).isCellRef) numbers.push(...items.filter((v): v is number => typeof v === "number"));
    else if (!arg.omitted) numbers.push(toNumber(arg.value));
  }
  // A two-parameter callback: reduce also passes (index, array), which Math.max would take as more operands (NaN).
  return numbers.length === 0 ? 0 : numbers.reduce((a, b) => pick(a, b));
}

/** LARGE and SMALL: the k-th number of an array or range (text, booleans and blanks skipped, as in Excel). */
function kth(array: Arg, k: Arg, order: (a: number, b: number) => number): number {
  const items = flat(array);
  firstError(items);
  const numbers = items.filter((v): v is number => typeof v === "number").sort(order);
  const n = Math.ceil(toNumber(k.value));
  if (n < 1 || n > numbers.length) throw FormulaError.NUM;
  return numbers[n - 1];
}

/**
 * Functions fast-formula-parser lacks (COUNTIFS, SUMIFS, COUNTA, VALUE, MATCH, CHOOSE, MAX, MIN, LARGE, SMALL)
 * or gets wrong (COUNTIF/SUMIF compare text cells against numeric criteria; ROW of a range; INT of
 * a blank cell, which Excel reads as 0).
 */
export const customFunctions: Record<string, (...args: never[]) => unknown> = {
  COUNTA: (...args: Arg[]) => args.reduce((n, arg) => n + flat(arg).filter((v) => v !== null && v !== undefined).length, 0),
  COUNTIF: (range: Arg, criterion: Arg) => flat(range).filter(criterionMatcher(criterion.value)).length,
  COUNTIFS: (...args: Arg[]) => {
    if (args.length === 0 || args.length % 2 !== 0) throw FormulaError.VALUE;
    const ranges = args.filter((_, i) => i % 2 === 0).map(flat);
    const criteria = args.filter((_, i) => i % 2 === 1).map((a) => criterionMatcher(a.value));
    if (ranges.some((r) => r.length !== ranges[0].length)) throw FormulaError.VALUE;
    return ranges[0].filter((_, i) => ranges.every((r, k) => criteria[k](r[i]))).length;
  },
  SUMIFS: (sumRange: Arg, ...args: Arg[]) => {
    if (args.length === 0 || args.length % 2 !== 0) throw FormulaError.VALUE;
    const summed = flat(sumRange);
    const ranges = args.filter((_, i) => i % 2 === 0).map(flat);
    const criteria = args.filter((_, i) => i % 2 === 1).map((a) => criterionMatcher(a.value));
    if (ranges.some((r) => r.length !== summed.length)) throw FormulaError.VALUE;
    return summed.reduce<number>((sum, v, i) => (typeof v === "number" && ranges.every((r, k) => criteria[k](r[i])) ? sum + v : sum), 0);
  },
  // SUMIF is on the parser's "needs context, raw references" list, so it receives the parser first.
  SUMIF: (context: unknown, range: unknown, criterion: unknown, sumRange?: unknown) => {
    const tested = flat(FormulaHelpers.retrieveArg(context, range));
    const matches = criterionMatcher(FormulaHelpers.retrieveArg(context, criterion).value);
    const summed = sumRange === undefined || sumRange === null ? tested : flat(FormulaHelpers.retrieveArg(context, sumRange));
    return tested.reduce<number>((sum, v, i) => (matches(v) && typeof summed[i] === "number" ? sum + (summed[i] as number) : sum), 0);
  },
  LARGE: (array: Arg, k: Arg) => kth(array, k, (a, b) => b - a),
  SMALL: (array: Arg, k: Arg) => kth(array, k, (a, b) => a - b),
  // ROW is on the parser's "needs context, raw references" list. Of a range it is the column of its
  // rows, as Excel evaluates it inside SUMPRODUCT (the parser gave the first row only).
  ROW: (context: unknown, reference?: unknown) => {
    const ref = (reference as { ref?: { from?: { row: number }; to?: { row: number } } } | null | undefined)?.ref;
    if (ref?.from && ref.to && ref.to.row > ref.from.row) {
      const first = ref.from.row;
      return Array.from({ length: ref.to.row - first + 1 }, (_, i) => [first + i]);
    }
    return referenceFunctions.ROW(context, reference);
  },
  // The parser's own SUBSTITUTE is empty. Every occurrence, or only the `instance`-th.
  SUBSTITUTE: (text: Arg, from: Arg, to: Arg, instance?: Arg) => {
    for (const a of [text, from, to]) if (a.value instanceof FormulaError) throw a.value;
    const [whole, old, replacement] = [text, from, to].map((a) => (a.value === null ? "" : String(a.value)));
    if (old === "") return whole;
    if (!instance || instance.omitted) return whole.split(old).join(replacement);
    const n = Math.trunc(toNumber(instance.value));
    if (n < 1) throw FormulaError.VALUE;
    let at = -1;
    for (let i = 0; i < n; i++) {
      at = whole.indexOf(old, at + 1);
      if (at < 0) return whole;
    }
    return whole.slice(0, at) + replacement + whole.slice(at + old.length);
  },
  VALUE: (text: Arg) => toNumber(text.value === null ? "" : text.value),
  INT: (n: Arg) => Math.floor(toNumber(n.value)),
  MAX: (...args: Arg[]) => extreme(args, Math.max),
  MIN: (...args: Arg[]) => extreme(args, Math.min),
  // CHOOSE is on the parser's "needs context" list.
  CHOOSE: (_context: unknown, index: Arg, ...choices: Arg[]) => {
    const i = Math.trunc(toNumber(index.value));
    if (i < 1 || i > choices.length) throw FormulaError.VALUE;
    return choices[i - 1].value;
  },
  // INDEX is on the parser's "needs context, raw references" list. The parser's own INDEX returns
  // the cell without the range's sheet, so a lookup into another sheet read the formula's sheet.
  INDEX: (context: unknown, range: unknown, row: unknown, column?: unknown, area?: unknown) => {
    const ref = (range as { ref?: Partial<FormulaParser.RangeRef> }).ref;
    const result = referenceFunctions.INDEX(context, range, row, column, area) as { ref?: object } | unknown;
    const cell = (result as { ref?: object }).ref;
    return ref?.sheet !== undefined && cell !== undefined ? { ref: { ...cell, sheet: ref.sheet } } : result;
  },
  MATCH: (lookup: Arg, array: Arg, matchType?: Arg) => {
    const items = flat(array);
    const type = matchType && !matchType.omitted ? toNumber(matchType.value) : 1;
    const target = lookup.value;
    if (type === 0) {
      // Text matches text only, case-insensitively: "1.1" never matches the number 1.1.
      const index = items.findIndex((v) =>
        typeof target === "string" ? typeof v === "string" && v.toLowerCase() === target.toLowerCase() : v === target,
      );
      if (index < 0) throw FormulaError.NA;
      return index + 1;
    }
    // Approximate match over sorted data: last position still on the right side of the target.
    let found = -1;
    items.forEach((v, i) => {
      if (typeof v !== typeof target || v === null) return;
      const ok = type > 0 ? (v as number) <= (target as number) : (v as number) >= (target as number);
      if (ok) found = i;
    });
    if (found < 0) throw FormulaError.NA;
    return found + 1;
  },
};
