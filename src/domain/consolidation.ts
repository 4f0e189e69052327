import { formatPoints } from "./format";
import { defineMessages, message, text } from "./localize";
import { LEVEL_NAMES } from "./messages";
import type { QuotaBase } from "./presets";
import { checkQuota } from "./quota";
import { textKey } from "./text";
import type { Direction, Level, Status, UnitKind } from "./types";

/**
 * Consolidation of many unit workbooks (issue 8 §2–3): which files are comparable, each unit's
 * rank among units of the same kind, and the excellent quota per kind (DOMAIN.md §4).
 *
 * Which year and catalogue are "the" ones: the **majority** among the readable files (a single odd
 * file, even the first, cannot reject all the others); on a tie, the one of the earliest file in
 * the order given. A unit found twice keeps its earliest file; the later ones are rejected.
 */

/** One indicator of a unit, as the engine evaluated it from the file's inputs. */
export interface UnitIndicator {
  readonly code: string;
  readonly group: string;
  readonly name: string;
  /** The direction as read, or the raw text when it is not one (still compared between files). */
  readonly direction: Direction | string;
  readonly achievement: number | null;
  readonly status: Status;
}

/** Something consolidation found in a unit's file, at its cell ("Quy tắc!B9") when there is one. */
export interface UnitProblem {
  readonly cell?: string;
  readonly message: string;
}

/** What consolidation keeps of one readable unit (a workbook may hold several): no cells, no workbook. */
export interface UnitSummary {
  readonly file: string;
  /** The sheet holding the unit's table (a shared workbook has one per unit). */
  readonly sheet: string;
  /** The file's modification time (ISO 8601), shown as the values' time. */
  readonly modified: string;
  readonly unit: string;
  readonly kind: UnitKind | null;
  readonly year: number;
  readonly indicators: readonly UnitIndicator[];
  readonly points: number | null;
  /** The engine's suggested level (the floor while provisional). */
  readonly level: Level | null;
  readonly provisional: boolean;
  /** The final level typed in the file, when valid: one above its cap or of a disqualified head is null here and named in `problems`. */
  readonly finalLevel: Level | null;
  /** Rules of the file that differ from the province's, a refused final level (DOMAIN.md §4 "Whose rules"). */
  readonly problems: readonly UnitProblem[];
  readonly quota: { readonly share: number; readonly shareExceptional: number; readonly base: QuotaBase };
}

export interface Rejection {
  readonly file: string;
  readonly reason: string;
}

export type UnitDecision = "keep" | "lower" | "tie";

export interface ConsolidatedUnit extends UnitSummary {
  /** Competition rank by points among units of the same kind (1, 1, 3); null without points. */
  readonly rank: number | null;
  /** The level the quota is checked on: the final level where set, else the suggested level. */
  readonly decidedLevel: Level | null;
  /** Null when the unit is not rated excellent. */
  readonly excellentKept: boolean | null;
  /** Null when not rated excellent; "tie" when its points equal those at the cut. */
  readonly decision: UnitDecision | null;
}

export interface QuotaGroup {
  readonly kind: UnitKind | null;
  readonly share: number;
  readonly base: number;
  readonly allowed: number;
  readonly excellent: number;
  readonly tieAtCut: boolean;
}

export interface Consolidation {
  readonly year: number | null;
  /** The catalogue's indicators (of the first file with the majority catalogue), in table order. */
  readonly indicators: readonly Pick<UnitIndicator, "code" | "group" | "name" | "direction">[];
  readonly units: readonly ConsolidatedUnit[];
  readonly rejected: readonly Rejection[];
  readonly quota: readonly QuotaGroup[];
  readonly quotaBase: QuotaBase | null;
}

/**
 * What a consolidation reports, the same from the CLI (`chitieu consolidate --json`, issue 8 §2)
 * and the pane: units with their rank and quota outcome, the files not consolidated, the quota per kind.
 */
export interface ConsolidationResult {
  readonly units: readonly {
    readonly file: string;
    readonly unit: string;
    readonly kind: UnitKind | null;
    readonly year: number;
    readonly points: number | null;
    readonly level: Level | null;
    readonly finalLevel: Level | null;
    readonly rank: number | null;
    readonly excellentKept: boolean | null;
    /** The unit's own rules that differ from the province's, a refused final level. */
    readonly problems: readonly UnitProblem[];
  }[];
  readonly rejected: readonly Rejection[];
  readonly quota: readonly { readonly kind: UnitKind | null; readonly base: number; readonly allowed: number; readonly excellent: number }[];
}

export function consolidationResult(c: Consolidation): ConsolidationResult {
  return {
    units: c.units.map(({ file, unit, kind, year, points, level, finalLevel, rank, excellentKept, problems }) => ({ file, unit, kind, year, points, level, finalLevel, rank, excellentKept, problems })),
    rejected: c.rejected.map(({ file, reason }) => ({ file, reason })),
    quota: c.quota.map(({ kind, base, allowed, excellent }) => ({ kind, base, allowed, excellent })),
  };
}

/** The rejected files in the order the files were given (consolidation adds its own rejections last). */
export function rejectedInFileOrder(c: Consolidation, files: readonly string[]): Consolidation {
  const order = new Map(files.map((f, i) => [f, i]));
  return { ...c, rejected: [...c.rejected].sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1)) };
}

export const CONSOLIDATION_MESSAGES = {
  ...defineMessages("consolidation", {
    otherYear: message(
      (year: number, majority: number) => `năm đánh giá ${year}, khác năm ${majority} của các tệp còn lại.`,
      (year, majority) => `evaluation year ${year}, not the year ${majority} of the other files.`,
      [2024, 2025],
    ),
    otherCatalogue: message(
      (differences: readonly string[]) => `danh mục chỉ tiêu khác danh mục của các tệp còn lại (${differences.join("; ")}).`,
      (differences) => `the indicator catalogue differs from the other files' (${differences.join("; ")}).`,
      [["3.5"]],
    ),
    duplicate: message(
      (unit: string, file: string) => `đơn vị "${unit}" đã có trong tệp ${file}.`,
      (unit, file) => `the unit "${unit}" is already in the file ${file}.`,
      ["Xã An Hòa", "01.xlsx"],
    ),
    missingCodes: message(
      (codes: readonly string[]) => `thiếu mã ${codes.join(", ")}`,
      (codes) => `codes ${codes.join(", ")} missing`,
      [["3.5"]],
    ),
    extraCodes: message(
      (codes: readonly string[]) => `thêm mã ${codes.join(", ")}`,
      (codes) => `extra codes ${codes.join(", ")}`,
      [["3.6"]],
    ),
    otherDirection: message(
      (code: string) => `chiều của chỉ tiêu ${code} khác`,
      (code) => `the direction of indicator ${code} differs`,
      ["3.5"],
    ),
    repeatedCode: text("một mã chỉ tiêu lặp lại số lần khác", "an indicator code is repeated a different number of times"),
  }),
  decision: {
    keep: "Giữ mức xuất sắc (trong hạn mức).",
    lower: `Vượt hạn mức: phải hạ xuống "${LEVEL_NAMES.good}".`,
    tie: (points: number | null) =>
      `Bằng điểm (${points === null ? "chưa có điểm" : formatPoints(points)}) ở ngưỡng hạn mức: Ban Thường vụ quyết định.`,
  },
} as const;

/** The most frequent key; on a tie, the key of the earliest item. */
function majority<T>(items: readonly T[], key: (item: T) => string): string | null {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, n] of counts) if (best === null || n > (counts.get(best) as number)) best = k;
  return best;
}

const catalogueKey = (u: UnitSummary) =>
  u.indicators
    .map((i) => `${i.code}\u0000${i.direction}`)
    .sort()
    .join("\u0001");

/** What differs between a unit's catalogue and the reference, in a few words each. */
function catalogueDifferences(unit: UnitSummary, reference: UnitSummary): string[] {
  const theirs = new Map(unit.indicators.map((i) => [i.code, i.direction]));
  const ours = new Map(reference.indicators.map((i) => [i.code, i.direction]));
  const missing = [...ours.keys()].filter((c) => !theirs.has(c));
  const extra = [...theirs.keys()].filter((c) => !ours.has(c));
  const turned = [...ours].filter(([c, d]) => theirs.has(c) && theirs.get(c) !== d).map(([c]) => c);
  const m = CONSOLIDATION_MESSAGES;
  const differences = [
    ...(missing.length > 0 ? [m.missingCodes(missing)] : []),
    ...(extra.length > 0 ? [m.extraCodes(extra)] : []),
    ...turned.map((code) => m.otherDirection(code)),
  ];
  return differences.length > 0 ? differences : [m.repeatedCode]; // equal sets of codes differ only by a repeated code
}

/** Competition ranks by points, highest first; units without points get null. */
function ranks(units: readonly UnitSummary[]): Map<UnitSummary, number | null> {
  const result = new Map<UnitSummary, number | null>();
  const scored = units.filter((u) => u.points !== null).sort((a, b) => (b.points as number) - (a.points as number));
  scored.forEach((u, i) => result.set(u, i > 0 && scored[i - 1].points === u.points ? (result.get(scored[i - 1]) as number) : i + 1));
  for (const u of units) if (u.points === null) result.set(u, null);
  return result;
}

/**
 * Consolidate the readable units (in the order the files were given) with the files already
 * rejected while reading. `exceptionalKinds`: kinds whose quota is the exceptional share (25 %).
 */
export function consolidate(
  read: readonly UnitSummary[],
  rejectedWhileReading: readonly Rejection[],
  exceptionalKinds: ReadonlySet<UnitKind | null> = new Set(),
): Consolidation {
  const rejected: Rejection[] = [...rejectedWhileReading];
  const year = majority(read, (u) => String(u.year));
  const ofYear = read.filter((u) => {
    if (String(u.year) === year) return true;
    rejected.push({ file: u.file, reason: CONSOLIDATION_MESSAGES.otherYear(u.year, Number(year)) });
    return false;
  });
  const catalogue = majority(ofYear, catalogueKey);
  const reference = ofYear.find((u) => catalogueKey(u) === catalogue);
  const accepted: UnitSummary[] = [];
  const byUnit = new Map<string, UnitSummary>();
  for (const u of ofYear) {
    const first = byUnit.get(textKey(u.unit));
    if (reference && catalogueKey(u) !== catalogue) {
      rejected.push({ file: u.file, reason: CONSOLIDATION_MESSAGES.otherCatalogue(catalogueDifferences(u, reference)) });
    } else if (first) {
      rejected.push({ file: u.file, reason: CONSOLIDATION_MESSAGES.duplicate(u.unit, first.file) });
    } else {
      byUnit.set(textKey(u.unit), u);
      accepted.push(u);
    }
  }
  const rules = accepted[0]?.quota;
  const kinds = [...new Set(accepted.map((u) => u.kind))];
  const rank = new Map<UnitSummary, number | null>();
  const decisions = new Map<UnitSummary, { kept: boolean; decision: UnitDecision }>();
  const quota = !rules ? [] : kinds.map((kind): QuotaGroup => {
    const members = accepted.filter((u) => u.kind === kind);
    for (const [u, r] of ranks(members)) rank.set(u, r);
    const share = exceptionalKinds.has(kind) ? rules.shareExceptional : rules.share;
    // Ids are the units' names: unique here, and the quota's tie order (alphabetical, Vietnamese).
    const result = checkQuota(
      members.map((u) => ({ id: u.unit, level: u.finalLevel ?? u.level, points: u.points })),
      share,
      rules.base,
    );
    const cutPoints = result.tieAtCut ? members.find((u) => u.unit === result.keep[result.keep.length - 1])?.points : undefined;
    for (const u of members) {
      const kept = result.keep.includes(u.unit);
      if (!kept && !result.over.includes(u.unit)) continue;
      decisions.set(u, { kept, decision: result.tieAtCut && u.points === cutPoints ? "tie" : kept ? "keep" : "lower" });
    }
    return { kind, share, base: result.base, allowed: result.allowed, excellent: result.ranking.length, tieAtCut: result.tieAtCut };
  });
  return {
    year: year === null ? null : Number(year),
    indicators: (reference?.indicators ?? []).map(({ code, group, name, direction }) => ({ code, group, name, direction })),
    units: accepted.map((u) => ({
      ...u,
      rank: rank.get(u) ?? null,
      decidedLevel: u.finalLevel ?? u.level,
      excellentKept: decisions.get(u)?.kept ?? null,
      decision: decisions.get(u)?.decision ?? null,
    })),
    rejected,
    quota,
    quotaBase: rules?.base ?? null,
  };
}
