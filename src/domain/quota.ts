import { levelRank } from "./caps";
import type { QuotaBase } from "./presets";
import type { Level } from "./types";

export interface QuotaCandidate {
  readonly id: string;
  readonly level: Level | null;
  readonly points: number | null;
}

/** One excellent rating's outcome: kept, lowered to good, or tied at the cut (the committee decides). */
export type QuotaDecision = "keep" | "lower" | "tie";

export interface QuotaResult {
  /** How many may keep excellent on the final result (the largest k the rule allows). */
  readonly allowed: number;
  /** The base on the final result: those rated good plus those lowered (or good or better, as the rules say). */
  readonly base: number;
  /** Excellent ratings ranked by points (highest first; no points last); equal points in the order given. */
  readonly ranking: readonly string[];
  /** Certainly kept: fewer than `allowed` others have as many points or more. */
  readonly keep: readonly string[];
  /** Certainly lowered: `allowed` others (or more) have more points. */
  readonly over: readonly string[];
  /** Equal points straddling the cut: the committee decides, the engine never does (docs/rules.md §3). */
  readonly tied: readonly string[];
  readonly tieAtCut: boolean;
}

/**
 * Shares are read to 4 decimals (20 %, 22,5 %, 25 %): the quota is then counted on integers, so
 * 0,2 × 15 can never come out as 2,999… and lose a unit at the boundary.
 */
export const QUOTA_SHARE_SCALE = 10000;

/**
 * The most units that may keep "excellent" among `good` + `excellent` units (the final result,
 * docs/rules.md §3): a unit lowered from excellent becomes good and joins the base, so with the literal
 * base (`good`) k ≤ share × (G + E − k), i.e. k × (1 + share) ≤ share × (G + E); with `goodOrBetter`
 * k ≤ share × (G + E). Exact: share = p / 10000 with p an integer, both sides integers.
 */
export function quotaAllowed(share: number, good: number, excellent: number, basis: QuotaBase): number {
  const p = Math.round(share * QUOTA_SHARE_SCALE);
  const divisor = QUOTA_SHARE_SCALE + (basis === "good" ? p : 0);
  const numerator = p * (good + excellent);
  // Integers below 2^53: the remainder is exact, so is the floor.
  return (numerator - (numerator % divisor)) / divisor;
}

/**
 * Quota (QĐ 366, NĐ 335): among equivalent positions, those rated excellent may not exceed
 * `share` (20 %, or 25 % for a unit with exceptional results) of those rated "Hoàn thành tốt
 * nhiệm vụ" on the final result — the texts' literal base, the default — or, where a province
 * reads it so, of those rated good or better. Who keeps excellent is decided by points: for a unit
 * with H excellent units above it and S at its points (itself included), H + S ≤ allowed keeps,
 * H ≥ allowed lowers, anything else is a tie at the cut. The worksheet formulas are the same rule.
 */
export function checkQuota(candidates: readonly QuotaCandidate[], share: number, basis: QuotaBase = "good"): QuotaResult {
  const good = candidates.filter((c) => c.level === "good").length;
  const excellent = candidates.filter((c) => c.level === "excellent");
  const allowed = quotaAllowed(share, good, excellent.length, basis);
  const lowered = Math.max(0, excellent.length - allowed);
  const base = basis === "good" ? good + lowered : candidates.filter((c) => c.level !== null && levelRank(c.level) >= levelRank("good")).length;
  const score = (c: QuotaCandidate) => c.points ?? -Infinity;
  // A stable sort on a comparison (never -Infinity − -Infinity): equal points stay in the order given.
  const ranked = [...excellent].sort((a, b) => (score(b) > score(a) ? 1 : score(b) < score(a) ? -1 : 0));
  const decision = (c: QuotaCandidate): QuotaDecision => {
    const higher = excellent.filter((o) => score(o) > score(c)).length;
    const same = excellent.filter((o) => score(o) === score(c)).length;
    return higher + same <= allowed ? "keep" : higher >= allowed ? "lower" : "tie";
  };
  const of = (d: QuotaDecision) => ranked.filter((c) => decision(c) === d).map((c) => c.id);
  const tied = of("tie");
  return { allowed, base, ranking: ranked.map((c) => c.id), keep: of("keep"), over: of("lower"), tied, tieAtCut: tied.length > 0 };
}
