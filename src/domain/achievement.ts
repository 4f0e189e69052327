import { msg } from "./messages";
import { parseMilestone, parseNumber, type Parsed } from "./numbers";
import { round4 } from "./rounding";
import type { Direction, Status } from "./types";

export interface FieldError {
  readonly field: "target" | "actual";
  readonly message: string;
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
  return Math.max(0, 2 - actual / target);
}

type Checked<T> = { readonly value: T | null; readonly error: FieldError | null };

function checkMilestoneTarget(target: unknown): Checked<true> {
  const plan = parseMilestone(target);
  if (plan.kind === "invalid") return { value: null, error: { field: "target", message: msg.notAMilestone(plan.found) } };
  if (plan.kind === "value" && !plan.value) return { value: null, error: { field: "target", message: msg.milestoneTargetNotDone } };
  return { value: true, error: null };
}

function checkNumericTarget(direction: "increase" | "decrease", target: unknown): Checked<number> {
  const plan = parseNumber(target);
  const fail = (message: string): Checked<number> => ({ value: null, error: { field: "target", message } });
  if (plan.kind === "invalid") return fail(msg.notANumber(plan.found));
  if (plan.kind === "missing") return fail(msg.missingTarget);
  if (direction === "increase" && plan.value <= 0) return fail(msg.targetNotPositive(plan.value));
  if (direction === "decrease" && plan.value < 0) return fail(msg.targetNegative(plan.value));
  return { value: plan.value, error: null };
}

function checkActual<T>(parsed: Parsed<T>, describe: (found: string) => string): Checked<T> {
  if (parsed.kind === "invalid") return { value: null, error: { field: "actual", message: describe(parsed.found) } };
  return { value: parsed.kind === "value" ? parsed.value : null, error: null };
}

/**
 * Achievement of one indicator (DOMAIN.md §3). Target and actual are both checked so that
 * every bad value is reported at once; a blank target is an error, never "pending".
 */
export function assess(direction: Direction, target: unknown, actual: unknown): Assessment {
  const milestone = direction === "milestone";
  const plan = milestone ? checkMilestoneTarget(target) : checkNumericTarget(direction, target);
  const result = milestone
    ? checkActual(parseMilestone(actual), msg.notAMilestone)
    : checkActual(parseNumber(actual), msg.notANumber);
  const errors = [plan.error, result.error].filter((e): e is FieldError => e !== null);
  if (errors.length > 0) return { status: "error", achievement: null, errors };
  if (result.value === null) return { status: "pending", achievement: null };
  if (typeof result.value === "boolean") return rated(result.value ? 1 : 0);
  const planned = plan.value as number;
  return rated(direction === "increase" ? result.value / planned : decreaseRatio(planned, result.value));
}
