import { assess, type Assessment } from "./achievement";
import { round4 } from "./rounding";
import type { Indicator } from "./types";

/**
 * Province totals per indicator: Σ actual / Σ target where the indicator adds up
 * (people, organisations, money, cases); rates (unit "%") and milestones are never summed, the
 * spread across units is shown instead. A catalogue may say otherwise per indicator.
 */
export function defaultAdditive(indicator: Pick<Indicator, "unit" | "direction">): boolean {
  return indicator.direction !== "milestone" && indicator.unit.trim() !== "%";
}

/** One unit's figures for one indicator, as read (numbers already checked by the reader). */
export interface UnitFigure {
  readonly unit: string;
  readonly target: number | null;
  readonly actual: number | null;
}

export type IndicatorTotal =
  | {
      readonly kind: "sum";
      readonly target: number;
      readonly actual: number;
      /** Σ actual against Σ target over the units that reported both. */
      readonly assessment: Assessment;
      /** Units whose actual is still missing: the total is provisional while any remain. */
      readonly pending: readonly string[];
    }
  | {
      readonly kind: "spread";
      /** Lowest, median and highest achievement across the units with a result. */
      readonly min: number | null;
      readonly median: number | null;
      readonly max: number | null;
      readonly pending: readonly string[];
    };

/**
 * Sums kept in whole millionths so that 0,1 + 0,2 style noise never moves a total: the sheet's
 * SUM works on the same stored values and rounds identically at 4 decimals of the ratio.
 */
const SCALE = 1e6;
const sumExact = (values: readonly number[]) => values.reduce((sum, v) => sum + Math.round(v * SCALE), 0) / SCALE;

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : round4((sorted[mid - 1] + sorted[mid]) / 2);
}

export function indicatorTotal(
  indicator: Pick<Indicator, "unit" | "direction">,
  figures: readonly UnitFigure[],
  additive: boolean = defaultAdditive(indicator),
): IndicatorTotal {
  const pending = figures.filter((f) => f.actual === null).map((f) => f.unit);
  const complete = figures.filter((f) => f.target !== null && f.actual !== null);
  if (additive && indicator.direction !== "milestone") {
    const target = sumExact(complete.map((f) => f.target as number));
    const actual = sumExact(complete.map((f) => f.actual as number));
    const assessment = complete.length === 0 ? ({ status: "pending", achievement: null } as const) : assess(indicator.direction, target, actual);
    return { kind: "sum", target, actual, assessment, pending };
  }
  const achievements = complete
    .map((f) => assess(indicator.direction, f.target, f.actual).achievement)
    .filter((a): a is number => a !== null)
    .sort((a, b) => a - b);
  return {
    kind: "spread",
    min: achievements.length ? achievements[0] : null,
    median: median(achievements),
    max: achievements.length ? achievements[achievements.length - 1] : null,
    pending,
  };
}
