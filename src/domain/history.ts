import type { Consolidation } from "./consolidation";
import { round4 } from "./rounding";

/**
 * This year beside last year (issue 16 §3, `--previous`): per unit the change in rank and per
 * indicator the change in achievement. Units are matched by name (NFC, trimmed, case kept: two
 * units are never told apart by case only in a province's list); a unit new this year has no change.
 */
export interface YearResult {
  readonly unit: string;
  /** Rank within its group, 1 first; null when the unit was not ranked (refused file). */
  readonly rank: number | null;
  readonly achievements: Readonly<Record<string, number | null>>;
}

export interface YearChange {
  readonly unit: string;
  readonly rank: number | null;
  readonly previousRank: number | null;
  /** Places gained (positive) or lost (negative); null when either year has no rank. */
  readonly rankChange: number | null;
  /** Per indicator code: this year's achievement minus last year's, rounded to 4 decimals. */
  readonly achievementChange: Readonly<Record<string, number | null>>;
  /** Per indicator code of this year: last year's achievement; null when the unit or the indicator was not there. */
  readonly previousAchievements: Readonly<Record<string, number | null>>;
}

const key = (name: string) => name.normalize("NFC").trim();

export function compareYears(current: readonly YearResult[], previous: readonly YearResult[]): YearChange[] {
  const before = new Map(previous.map((r) => [key(r.unit), r]));
  return current.map((now) => {
    const then = before.get(key(now.unit));
    const rankChange = now.rank !== null && then?.rank != null ? then.rank - now.rank : null;
    const achievementChange: Record<string, number | null> = {};
    const previousAchievements: Record<string, number | null> = {};
    for (const [code, value] of Object.entries(now.achievements)) {
      const old = then?.achievements[code];
      achievementChange[code] = value !== null && old != null ? round4(value - old) : null;
      previousAchievements[code] = old ?? null;
    }
    return { unit: now.unit, rank: now.rank, previousRank: then?.rank ?? null, rankChange, achievementChange, previousAchievements };
  });
}

/** Last year beside this year: its year and the changes per unit. */
export interface PreviousYear {
  readonly year: number | null;
  readonly changes: readonly YearChange[];
}

/** A consolidation's units as one year's results: ranks within groups, achievements by code. */
const yearResults = (c: Consolidation): YearResult[] =>
  c.units.map((u) => ({ unit: u.unit, rank: u.rank, achievements: Object.fromEntries(u.indicators.map((i) => [i.code, i.achievement])) }));

/** This year's consolidation beside last year's (both read and consolidated the same way). */
export function previousYearOf(current: Consolidation, before: Consolidation): PreviousYear {
  return { year: before.year, changes: compareYears(yearResults(current), yearResults(before)) };
}
