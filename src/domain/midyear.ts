import { parseDay } from "./dates";
import { parseDirection } from "./direction";
import type { IndicatorInput } from "./evaluate";
import { textKey } from "./text";
import type { Status } from "./types";

/**
 * Mid-year and quarterly consolidation (issue 16 §2): the committee's comparison from each unit's
 * follow-up snapshot at a date instead of the year's actuals. Every unit is provisional: an
 * indicator is judged against what was due by the snapshot's date (pro rata or the whole target,
 * the rule of its follow-up row), and what is still open counts not met for the floor and exceeded
 * for the ceiling (docs/rules.md §2 "Provisional results"). A quarter (QĐ 366 evaluates
 * quarterly) is its last day: the cumulative figures at the quarter's end against the share of
 * the year elapsed, as the unit's own follow-up sheet shows them.
 */

/** The date a mid-year consolidation stands at (ISO day), and the quarter when one was asked for. */
export interface AsOf {
  readonly date: string;
  readonly quarter: number | null;
}

export const QUARTERS = [1, 2, 3, 4] as const;

const two = (n: number) => String(n).padStart(2, "0");

/** The quarter (1–4) an ISO day falls in. */
export function quarterOf(isoDay: string): number {
  return Math.ceil(Number(isoDay.slice(5, 7)) / 3);
}

/** The last day of a month (1–12) of a year, as an ISO day. */
export function monthEnd(year: number, month: number): string {
  return `${year}-${two(month)}-${two(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The last day of a quarter of a year, as an ISO day. */
export function quarterEnd(year: number, quarter: number): string {
  return monthEnd(year, quarter * 3);
}

/**
 * A follow-up period to record: "q2" is the second quarter, "m5" May; each stands at its last day and
 * is kept in its quarter's columns (`period`, 0-based) of Theo dõi.
 */
export function periodChoice(value: string, year: number): { period: number; asOf: string } | null {
  const match = /^([qm])(\d{1,2})$/.exec(value);
  if (!match) return null;
  const n = Number(match[2]);
  if (match[1] === "q" && n >= 1 && n <= 4) return { period: n - 1, asOf: quarterEnd(year, n) };
  if (match[1] === "m" && n >= 1 && n <= 12) return { period: Math.ceil(n / 3) - 1, asOf: monthEnd(year, n) };
  return null;
}

/** The quarter that has ended last by `today` in the year followed (the first quarter before the year, the fourth after). */
export function defaultPeriod(year: number, today: Date): string {
  if (today.getFullYear() < year) return "q1";
  if (today.getFullYear() > year) return "q4";
  return `q${Math.max(1, Math.ceil((today.getMonth() + 1) / 3) - 1)}`;
}

/** What the committee asks for: a date, or a quarter of the year the units' files hold. */
export type AsOfRequest = { readonly date: string } | { readonly quarter: number };

/** An as-of date typed as 30/06/2025 or 2025-06-30; null when it is not a real day. */
export function parseAsOf(text: string): AsOfRequest | null {
  const date = parseDay(text);
  return date === null ? null : { date };
}

/** A quarter typed as 1–4 (or I–IV); null otherwise. */
export function parseQuarter(text: string): AsOfRequest | null {
  const t = text.trim().toUpperCase();
  const quarter = ["1", "2", "3", "4"].indexOf(t) + 1 || ["I", "II", "III", "IV"].indexOf(t) + 1;
  return quarter === 0 ? null : { quarter };
}

/** The date a request stands at for a year: a date as given, a quarter at its last day. */
export function resolveAsOf(request: AsOfRequest, year: number): AsOf {
  return "date" in request ? { date: request.date, quarter: null } : { date: quarterEnd(year, request.quarter), quarter: request.quarter };
}

/** An ISO day as the committee reads it: 30/06/2025. */
export function vnDay(isoDay: string): string {
  return `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}/${isoDay.slice(0, 4)}`;
}

/** The quarter in Roman numerals, as documents write it (Quý II). */
export const QUARTER_NAMES: Readonly<Record<number, string>> = { 1: "Quý I", 2: "Quý II", 3: "Quý III", 4: "Quý IV" };

/**
 * The snapshot a unit stands at on `asOf`: the latest one dated on or before it within the same
 * year and quarter. An earlier quarter's snapshot does not stand for a later one (its figures
 * would be judged against a share of the year they were not typed for): the unit has none then.
 */
export function snapshotAt<P extends { readonly asOf: string }>(periods: readonly P[], asOf: AsOf): P | null {
  const quarter = asOf.quarter ?? quarterOf(asOf.date);
  const year = asOf.date.slice(0, 4);
  const candidates = periods.filter((p) => p.asOf <= asOf.date && p.asOf.slice(0, 4) === year && quarterOf(p.asOf) === quarter);
  return candidates.reduce<P | null>((latest, p) => (latest === null || p.asOf >= latest.asOf ? p : latest), null);
}

/** One indicator of a snapshot: what was due by its date, what was typed, and how the follow-up judged it. */
export interface SnapshotFigure {
  readonly code: string;
  /** Due by the date (the year's target pro rata, or whole); null for a milestone or without a target. */
  readonly expected: number | string | null;
  readonly actual: unknown;
  readonly status: Status;
  readonly behind: boolean;
}

/**
 * A unit's inputs as they stand at a snapshot, for the engine to evaluate as it evaluates the year:
 * the target becomes what was due by the date, the actual what was typed then. Open (the engine
 * takes it as pending) are an indicator the snapshot lacks, one the follow-up could not yet judge
 * (nothing due yet), and a milestone not done but not late either (its year is not over).
 */
export function inputsAtSnapshot(indicators: readonly IndicatorInput[], figures: readonly SnapshotFigure[]): IndicatorInput[] {
  const byCode = new Map(figures.map((f) => [textKey(f.code), f]));
  return indicators.map((input) => {
    const figure = byCode.get(textKey(input.code));
    const open = { ...input, actual: undefined };
    if (!figure || figure.status === "pending") return open;
    if (parseDirection(input.direction) === "milestone") return figure.status === "notMet" && !figure.behind ? open : { ...input, actual: figure.actual };
    return { ...input, target: typeof figure.expected === "number" ? figure.expected : input.target, actual: figure.actual };
  });
}
