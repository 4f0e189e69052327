import { said, type CatalogueText, type Message, type Said } from "./messages/localize";
import { msg } from "./messages/engine";
import { isBlank, parseCellNumber, parseMilestone, parseNumber, type Parsed } from "./numbers";
import { round4 } from "./rounding";
import type { Direction, Status } from "./types";

export interface FieldError extends Said {
  readonly field: "target" | "actual";
}

/** Result for one indicator: the achievement ratio rounded to 4 decimals, or why there is none. */
export type Assessment =
  | { readonly status: "exceeded" | "met" | "notMet"; readonly achievement: number }
  | { readonly status: "pending"; readonly achievement: null }
  | { readonly status: "error"; readonly achievement: null; readonly errors: readonly FieldError[] };

/** Status from an already rounded achievement: compare after rounding, never before. */
export function statusOf(achievement: number): Extract<Status, "exceeded" | "met" | "notMet"> {
  if (achievement > 1) return "exceeded";
  if (achievement === 1) return "met";
  return "notMet";
}

function rated(ratio: number): Assessment {
  const achievement = round4(ratio);
  return { status: statusOf(achievement), achievement };
}

/**
 * Unrounded ratio for a decrease (lower is better) indicator: 2 − actual/target floored at 0;
 * target 0 is met only by 0. No official formula exists: this is the one place to switch it
 * (with its worksheet twin in src/layout/formulas.ts).
 */
export function decreaseRatio(target: number, actual: number): number {
  if (target === 0) return actual <= 0 ? 1 : 0;
  const quotient = actual / target;
  // An overflowing division is #NUM! on the sheet, which MAX passes on: NaN here, never 0.
  return Number.isFinite(quotient) ? Math.max(0, 2 - quotient) : NaN;
}

type Checked<T> = { readonly value: T | null; readonly error: FieldError | null };

function checkMilestoneTarget(target: unknown): Checked<true> {
  const plan = parseMilestone(target);
  if (plan.kind === "invalid") return { value: null, error: { field: "target", ...said(msg.notAMilestone.of(plan.found)) } };
  if (plan.kind === "value" && !plan.value) return { value: null, error: { field: "target", ...said(msg.milestoneTargetNotDone) } };
  return { value: true, error: null };
}

/**
 * Where values come from: a JSON document, where numbers may be text in any style, or
 * worksheet cells, where Excel has read what was typed and text is never a number.
 */
export type ValueSource = "document" | "sheet";

function numberParser(source: ValueSource): (raw: unknown) => Parsed<number> {
  return source === "sheet" ? parseCellNumber : parseNumber;
}

export function numberMessage(parsed: { found: string; textNumber?: number }): Message {
  return parsed.textNumber === undefined ? msg.notANumber.of(parsed.found) : msg.textNumber.of(parsed.found, parsed.textNumber);
}

function checkNumericTarget(direction: "increase" | "decrease", target: unknown, source: ValueSource): Checked<number> {
  const plan = numberParser(source)(target);
  const fail = (message: CatalogueText | Message): Checked<number> => ({ value: null, error: { field: "target", ...said(message) } });
  if (plan.kind === "invalid") return fail(numberMessage(plan));
  if (plan.kind === "missing") return fail(msg.missingTarget);
  if (direction === "increase" && plan.value <= 0) return fail(msg.targetNotPositive.of(plan.value));
  if (direction === "decrease" && plan.value < 0) return fail(msg.targetNegative.of(plan.value));
  return { value: plan.value, error: null };
}

function checkActual<T>(parsed: Parsed<T>, describe: (invalid: { found: string; textNumber?: number }) => Message): Checked<T> {
  if (parsed.kind === "invalid") return { value: null, error: { field: "actual", ...said(describe(parsed)) } };
  return { value: parsed.kind === "value" ? parsed.value : null, error: null };
}

/**
 * Achievement of one indicator (docs/rules.md §1). Target and actual are both checked so that
 * every bad value is reported at once; a blank target is an error, never "pending" — except
 * on a sheet row where neither is typed yet, which is simply not filled in.
 */
export function assess(direction: Direction, target: unknown, actual: unknown, source: ValueSource = "document"): Assessment {
  const milestone = direction === "milestone";
  if (source === "sheet" && isBlank(target) && isBlank(actual)) return { status: "pending", achievement: null };
  const plan = milestone ? checkMilestoneTarget(target) : checkNumericTarget(direction, target, source);
  const result = milestone
    ? checkActual(parseMilestone(actual), (invalid) => msg.notAMilestone.of(invalid.found))
    : checkActual(numberParser(source)(actual), numberMessage);
  const errors = [plan.error, result.error].filter((e): e is FieldError => e !== null);
  if (errors.length > 0) return { status: "error", achievement: null, errors };
  if (result.value === null) return { status: "pending", achievement: null };
  if (typeof result.value === "boolean") return rated(result.value ? 1 : 0);
  const planned = plan.value as number;
  const ratio = direction === "increase" ? result.value / planned : decreaseRatio(planned, result.value);
  // 1e308 / 1e-320 overflows: Excel's division gives #NUM!, so the indicator has no result, never a huge one.
  if (!Number.isFinite(ratio)) return { status: "error", achievement: null, errors: [{ field: "actual", ...said(msg.ratioOverflow) }] };
  return rated(ratio);
}
