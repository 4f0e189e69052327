import { levelRank } from "./caps";
import type { QuotaBase } from "./presets";
import { round4 } from "./rounding";
import type { Level } from "./types";

export interface QuotaCandidate {
  readonly id: string;
  readonly level: Level | null;
  readonly points: number | null;
}

export interface QuotaResult {
  /** How many may be rated excellent: share × the base, rounded down. */
  readonly allowed: number;
  /** Those the share is taken of: rated good, or good or better, as the rules say. */
  readonly base: number;
  /** Excellent ratings ranked by points (highest first), then by id for a stable order. */
  readonly ranking: readonly string[];
  readonly keep: readonly string[];
  readonly over: readonly string[];
  /** The last kept and the first over have equal points: the evaluator must decide. */
  readonly tieAtCut: boolean;
}

/**
 * Quota (QĐ 366, NĐ 335): among equivalent positions, those rated excellent may not exceed
 * `share` (20 %, or 25 % for a unit with exceptional results) of those rated "Hoàn thành tốt
 * nhiệm vụ" — the texts' literal base, the default — or, where a province reads it so, of
 * those rated good or better.
 */
export function checkQuota(candidates: readonly QuotaCandidate[], share: number, basis: QuotaBase = "good"): QuotaResult {
  const inBase = (level: Level | null) =>
    level !== null && (basis === "good" ? level === "good" : levelRank(level) >= levelRank("good"));
  const base = candidates.filter((c) => inBase(c.level)).length;
  // Round before flooring so that 0.2 × 15 = 3.0000000000000004 style noise gives 3.
  const allowed = Math.floor(round4(share * base));
  const ranked = candidates
    .filter((c) => c.level === "excellent")
    .sort((a, b) => (b.points ?? -Infinity) - (a.points ?? -Infinity) || a.id.localeCompare(b.id, "vi"));
  const keep = ranked.slice(0, allowed);
  const over = ranked.slice(allowed);
  const tieAtCut =
    keep.length > 0 && over.length > 0 && (keep[keep.length - 1].points ?? null) === (over[0].points ?? null);
  return {
    allowed,
    base,
    ranking: ranked.map((c) => c.id),
    keep: keep.map((c) => c.id),
    over: over.map((c) => c.id),
    tieAtCut,
  };
}
