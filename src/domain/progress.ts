import { assess, type Assessment, type ValueSource } from "./achievement";
import type { Direction } from "./types";

/**
 * Follow-up during the year (issue 16 §2): actuals as of a date against the year's
 * target. An indicator that accrues over the year (new members, revenue) is compared pro rata with
 * the share of the year elapsed; one that does not (a rate, a milestone) as it is.
 */
export type ProgressRule = "proRata" | "asIs";

export function defaultProgressRule(direction: Direction, unit: string): ProgressRule {
  return direction === "milestone" || unit.trim() === "%" ? "asIs" : "proRata";
}

/**
 * Share of the evaluated year elapsed at the end of the month of `asOf` (a snapshot is taken per
 * month or quarter: 30/06 is one half). Whole months keep the share exact (k/12), as the sheet's
 * MONTH()/12 computes it; dates outside the year give 0 or 1.
 */
export function elapsedShare(year: number, asOf: { readonly year: number; readonly month: number }): number {
  if (asOf.year < year) return 0;
  if (asOf.year > year) return 1;
  return Math.min(12, Math.max(0, asOf.month)) / 12;
}

export interface Progress {
  /** The target expected by the snapshot date (the year's target for "asIs"). */
  readonly expected: number | null;
  /** The actual against what was expected by now, rounded and compared as in docs/rules.md §1. */
  readonly assessment: Assessment;
  /** Below what was expected by now: the sheet and the pane flag it. */
  readonly behind: boolean;
}

/**
 * Progress of one indicator. A decrease indicator's ceiling accrues like a count (accidents so far
 * against the share of the year's ceiling); a milestone is done or not yet, never behind before its
 * year ends.
 */
export function progressOf(
  rule: ProgressRule,
  direction: Direction,
  target: unknown,
  actual: unknown,
  share: number,
  source: ValueSource = "document",
): Progress {
  if (direction === "milestone") {
    const assessment = assess(direction, target, actual, source);
    return { expected: null, assessment, behind: share >= 1 && assessment.status === "notMet" };
  }
  const yearTarget = assess(direction, target, 0);
  if (yearTarget.status === "error" || typeof target !== "number" || rule === "asIs") {
    const assessment = assess(direction, target, actual, source);
    return { expected: typeof target === "number" ? target : null, assessment, behind: assessment.status === "notMet" };
  }
  const expected = target * share;
  if (expected === 0 && direction === "increase") {
    return { expected, assessment: { status: "pending", achievement: null }, behind: false };
  }
  const assessment = assess(direction, expected, actual, source);
  return { expected, assessment, behind: assessment.status === "notMet" };
}
