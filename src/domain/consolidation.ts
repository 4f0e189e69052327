import { asMessage, render, verbatim, type CatalogueText, type Message, type Said } from "./messages/localize";
import { CONSOLIDATION_MESSAGES } from "./messages/consolidation";
import { UNIT_KIND_NAMES } from "./messages/names";
import type { QuotaBase } from "./presets";
import { levelRank } from "./caps";
import { checkQuota, type QuotaDecision } from "./quota";
import { textKey } from "./text";
import { indicatorTotal, type IndicatorTotal } from "./totals";
import type { AsOf } from "./midyear";
import type { Direction, Level, Status, UnitKind } from "./types";

/**
 * Consolidation of many unit workbooks (issue 8 §2–3): which files are comparable, each unit's
 * rank among units of the same kind, and the excellent quota per kind (docs/rules.md §3).
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
  /** The measure ("người", "%", "tỷ đồng"): it says whether the indicator adds up across units. */
  readonly unit?: string;
  /** The figures as numbers where they are (So sánh, province totals); null when missing, not a number or in error; a pending one keeps its target. */
  readonly target?: number | null;
  readonly actual?: number | null;
}

/**
 * Something consolidation found in a unit's file, at its cell ("Quy tắc!B9") when there is one:
 * `message` in Vietnamese (the JSON, the CLI), `id` and `params` the message the pane renders.
 */
export interface UnitProblem extends Said {
  readonly cell?: string;
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
  /** The name of the province's group of subjects the unit was assigned in ("Giám đốc sở"), when its file carries one. */
  readonly groupName?: string;
  readonly year: number;
  readonly indicators: readonly UnitIndicator[];
  readonly points: number | null;
  /** The engine's suggested level (the floor while provisional). */
  readonly level: Level | null;
  /** The highest level still reachable while provisional ("có thể đạt tối đa"); the level itself once final. */
  readonly ceilingLevel?: Level | null;
  readonly provisional: boolean;
  /** Mid-year: the date of the follow-up snapshot the unit stands at, null when it has none then. */
  readonly snapshot?: string | null;
  /** The final level typed in the file, when valid: one above its cap or of a disqualified head is null here and named in `problems`. */
  readonly finalLevel: Level | null;
  readonly quota: { readonly share: number; readonly shareExceptional: number; readonly base: QuotaBase };
  /**
   * What was found in the file and left out of the count, cell first where known: rules of the
   * file that differ from the province's, a refused final level (docs/rules.md §3 "Whose rules").
   */
  readonly problems?: readonly UnitProblem[];
}

export interface Rejection {
  readonly file: string;
  /** Why the file (or a unit in it) was left out, as a message: rendered where it is shown. */
  readonly reason: Message;
}

export type UnitDecision = QuotaDecision;

export interface ConsolidatedUnit extends UnitSummary {
  /**
   * Competition rank among units of the same kind (1, 1, 3) by the published level (a tie at the
   * cut as excellent), then points: incomplete and disqualified units after every unit that
   * completed; null with neither a level nor points.
   */
  readonly rank: number | null;
  /** The level quota and ranking start from: the (valid) final level where set, else the suggested level. */
  readonly countedLevel: Level | null;
  /** Null when the counted level is not excellent; "tie" when its points straddle the cut. */
  readonly decision: UnitDecision | null;
  /** Null when not counted excellent, and for a tie (the committee decides). */
  readonly excellentKept: boolean | null;
  /** The level published after the quota (excellent lowered to good); null for a tie or no level. */
  readonly publishedLevel: Level | null;
  readonly problems: readonly UnitProblem[];
}

export interface QuotaGroup {
  readonly kind: UnitKind | null;
  readonly share: number;
  readonly base: number;
  readonly allowed: number;
  readonly excellent: number;
  /** Units of this kind have equal points at the cut: the committee decides who keeps excellent. */
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
  /** The groups of equivalent positions: one per unit kind, each with its own catalogue. */
  readonly groups: readonly ConsolidatedGroup[];
  /** Province totals per group and indicator (Σ actual / Σ target, or the spread for rates and milestones). */
  readonly totals: readonly GroupTotal[];
  /** Mid-year (tạm tính): the date the units' follow-up snapshots stand at; absent for the year's consolidation. */
  readonly asOf?: AsOf;
}

export interface ConsolidatedGroup {
  readonly kind: UnitKind | null;
  /**
   * The name published for the group: the one its units' files carry (the majority; on a tie, the
   * earliest file's), else the kind's; the kind's name follows when two groups would read alike.
   */
  readonly name: string;
  /** The same name as a message: the province's words as typed, the kind's name in the language shown (the pane). */
  readonly label: Message;
  /** The group's common catalogue: the codes every unit of the group carries, in table order. */
  readonly indicators: readonly string[];
  readonly units: readonly string[];
}

export interface GroupTotal {
  readonly group: UnitKind | null;
  readonly code: string;
  readonly total: IndicatorTotal;
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
    readonly countedLevel: Level | null;
    readonly decision: UnitDecision | null;
    readonly excellentKept: boolean | null;
    readonly publishedLevel: Level | null;
    readonly problems: readonly UnitProblem[];
    /** Mid-year only: every unit provisional, its floor (`level`) and ceiling, and its snapshot's date. */
    readonly provisional?: boolean;
    readonly ceilingLevel?: Level | null;
    readonly snapshot?: string | null;
  }[];
  /** Mid-year only: the consolidation is provisional (tạm tính) as of this date, of this quarter when asked. */
  readonly asOf?: { readonly date: string; readonly quarter: number | null; readonly provisional: true };
  readonly rejected: readonly Rejection[];
  readonly quota: readonly {
    readonly kind: UnitKind | null;
    readonly base: number;
    readonly allowed: number;
    readonly excellent: number;
    readonly tieAtCut: boolean;
  }[];
  readonly groups: readonly {
    readonly group: UnitKind | null;
    /** The group's name as the pages publish it (the province's, from its units' files). */
    readonly name: string;
    readonly label: Message;
    readonly indicators: readonly string[];
    readonly units: readonly string[];
    readonly quota: { readonly base: number; readonly allowed: number; readonly excellent: number; readonly tieAtCut: boolean } | null;
  }[];
  readonly totals: readonly {
    readonly group: UnitKind | null;
    readonly code: string;
    readonly target: number | null;
    readonly actual: number | null;
    readonly achievement: number | null;
    /** Rates and milestones are not summed: the lowest, median and highest achievement instead. */
    readonly spread: { readonly min: number | null; readonly median: number | null; readonly max: number | null } | null;
    /** Units still without their actual: the total is provisional while any remain. */
    readonly pending: readonly string[];
  }[];
}

export function consolidationResult(c: Consolidation): ConsolidationResult {
  const midYear = (u: ConsolidatedUnit) =>
    c.asOf ? { provisional: u.provisional, ceilingLevel: u.ceilingLevel ?? u.level, snapshot: u.snapshot ?? null } : {};
  return {
    ...(c.asOf ? { asOf: { date: c.asOf.date, quarter: c.asOf.quarter, provisional: true as const } } : {}),
    units: c.units.map((u) => ({ ...unitResult(u), ...midYear(u) })),
    rejected: c.rejected.map(({ file, reason }) => ({ file, reason })),
    quota: c.quota.map(({ kind, base, allowed, excellent, tieAtCut }) => ({ kind, base, allowed, excellent, tieAtCut })),
    groups: c.groups.map((g) => {
      const q = c.quota.find((x) => x.kind === g.kind);
      return { group: g.kind, name: g.name, label: g.label, indicators: g.indicators, units: g.units, quota: q ? { base: q.base, allowed: q.allowed, excellent: q.excellent, tieAtCut: q.tieAtCut } : null };
    }),
    totals: c.totals.map(({ group, code, total: t }) =>
      t.kind === "sum"
        ? { group, code, target: t.target, actual: t.actual, achievement: t.assessment.achievement, spread: null, pending: t.pending }
        : { group, code, target: null, actual: null, achievement: null, spread: { min: t.min, median: t.median, max: t.max }, pending: t.pending },
    ),
  };
}

function unitResult({ file, unit, kind, year, points, level, finalLevel, rank, countedLevel, decision, excellentKept, publishedLevel, problems }: ConsolidatedUnit) {
  return {
    file,
    unit,
    kind,
    year,
    points,
    level,
    finalLevel,
    rank,
    countedLevel,
    decision,
    excellentKept,
    publishedLevel,
    problems: problems.map(({ cell, message, id, params }) => ({ ...(cell === undefined ? {} : { cell }), message, id, params })),
  };
}

/** The rejected files in the order the files were given (consolidation adds its own rejections last). */
export function rejectedInFileOrder(c: Consolidation, files: readonly string[]): Consolidation {
  const order = new Map(files.map((f, i) => [f, i]));
  return { ...c, rejected: [...c.rejected].sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1)) };
}

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

/** Whether a unit carries its group's catalogue: every code with the same direction (as often); extra codes are its own. */
function carriesCatalogue(unit: UnitSummary, reference: UnitSummary): boolean {
  if (catalogueKey(unit) === catalogueKey(reference)) return true;
  const theirs = new Map<string, (Direction | string)[]>();
  for (const i of unit.indicators) theirs.set(i.code, [...(theirs.get(i.code) ?? []), i.direction]);
  const ours = new Map<string, (Direction | string)[]>();
  for (const i of reference.indicators) ours.set(i.code, [...(ours.get(i.code) ?? []), i.direction]);
  return [...ours].every(([code, directions]) => {
    const found = theirs.get(code);
    return found !== undefined && found.length === directions.length && found.every((d, k) => d === directions[k]);
  });
}

/** Province totals of one group, per indicator of its catalogue, from the units' figures. */
function groupTotals(group: ConsolidatedGroup, units: readonly UnitSummary[]): GroupTotal[] {
  return group.indicators.flatMap((code) => {
    const rows = units.map((u) => ({ unit: u.unit, indicator: u.indicators.find((i) => i.code === code) }));
    const first = rows.find((r) => r.indicator)?.indicator;
    if (!first || (first.direction !== "increase" && first.direction !== "decrease" && first.direction !== "milestone")) return [];
    const figures = rows.map((r) => ({ unit: r.unit, target: r.indicator?.target ?? null, actual: r.indicator?.actual ?? null }));
    return [{ group: group.kind, code, total: indicatorTotal({ unit: first.unit ?? "", direction: first.direction }, figures) }];
  });
}

/** The ranking key's level: a tie at the cut stands with excellent (all tied units share its points). */
function rankedLevel(u: Pick<ConsolidatedUnit, "publishedLevel" | "decision">): number {
  if (u.decision === "tie") return levelRank("excellent");
  return u.publishedLevel === null ? -1 : levelRank(u.publishedLevel);
}

/** Competition ranks (1, 1, 3) by published level, then points; null with neither a level nor points. */
function ranks<U extends Pick<ConsolidatedUnit, "publishedLevel" | "decision" | "points">>(units: readonly U[]): Map<U, number | null> {
  const result = new Map<U, number | null>();
  // Points are 0–100: no points (-1) comes after any, and two without points compare equal.
  const compare = (a: U, b: U) => rankedLevel(b) - rankedLevel(a) || (b.points ?? -1) - (a.points ?? -1);
  const ranked = units.filter((u) => u.publishedLevel !== null || u.decision !== null || u.points !== null).sort(compare);
  ranked.forEach((u, i) => result.set(u, i > 0 && compare(ranked[i - 1], u) === 0 ? (result.get(ranked[i - 1]) as number) : i + 1));
  for (const u of units) if (!result.has(u)) result.set(u, null);
  return result;
}

/** The level published after the quota: lowered to good when over it, undecided (null) on a tie. */
function publishedLevel(counted: Level | null, decision: UnitDecision | null): Level | null {
  if (decision === "tie") return null;
  return decision === "lower" ? "good" : counted;
}

/**
 * The longest group name published. A name is a title ("Cơ quan tham mưu, Mặt trận và đoàn thể
 * tỉnh": 44); a longer cell is a careless one. It also keeps the name, escaped and with its kind's
 * name after it, within the 255 characters Excel compares in a COUNTIFS criterion (So sánh's totals).
 */
export const MAX_GROUP_NAME = 100;

/** A group name's length in characters as typed either way (a decomposed "ệ" is one, not three). */
export const groupNameLength = (name: string): number => Array.from(name.normalize("NFC")).length;

/** A kind's own name, for a group whose files carry none. */
export const kindName = (kind: UnitKind | null): CatalogueText => (kind === null ? CONSOLIDATION_MESSAGES.noKind : UNIT_KIND_NAMES[kind]);

/**
 * Each kind's published name: the name most of its units' files carry (on a tie, the earliest
 * file's), else the kind's own. Names are told apart as text keys; two kinds that would read alike
 * (one province group holding units of two kinds) each get their kind's name after it, so that no
 * page merges them.
 */
function groupNames(kinds: readonly (UnitKind | null)[], units: readonly UnitSummary[]): Map<UnitKind | null, Message> {
  const carried = kinds.map((kind): Message => {
    const named = units.filter((u) => u.kind === kind && u.groupName !== undefined && groupNameLength(u.groupName) <= MAX_GROUP_NAME);
    const key = majority(named, (u) => textKey(u.groupName as string));
    const typed = named.find((u) => textKey(u.groupName as string) === key)?.groupName;
    // Composed, as the cells it is matched with (So sánh's COUNTIFS) and its length limit count it.
    return typed === undefined ? asMessage(kindName(kind)) : verbatim(typed.normalize("NFC"));
  });
  const key = (label: Message) => textKey(render(label, "vi"));
  const shared = (label: Message) => carried.filter((other) => key(other) === key(label)).length > 1;
  return new Map(
    kinds.map((kind, i) => [kind, shared(carried[i]) ? CONSOLIDATION_MESSAGES.groupWithKind.of(carried[i], asMessage(kindName(kind))) : carried[i]]),
  );
}

/**
 * Consolidate the readable units (in the order the files were given) with the files already
 * rejected while reading. `exceptionalKinds`: kinds whose quota is the exceptional share (25 %).
 * The year is the majority's, or `year` when given (last year's files beside this year's): a unit
 * of another year is rejected, naming both.
 */
export function consolidate(
  read: readonly UnitSummary[],
  rejectedWhileReading: readonly Rejection[],
  exceptionalKinds: ReadonlySet<UnitKind | null> = new Set(),
  year?: number,
): Consolidation {
  const rejected: Rejection[] = [...rejectedWhileReading];
  const wanted = year === undefined ? majority(read, (u) => String(u.year)) : String(year);
  const ofYear = read.filter((u) => {
    if (String(u.year) === wanted) return true;
    const reason = year === undefined ? CONSOLIDATION_MESSAGES.otherYear.of(u.year, Number(wanted)) : CONSOLIDATION_MESSAGES.notThatYear.of(u.year, year);
    rejected.push({ file: u.file, reason });
    return false;
  });
  // Each kind is a group of equivalent positions with its own catalogue: the majority
  // catalogue of the kind is the group's; a unit may carry extra indicators of its own.
  const kindsRead = [...new Set(ofYear.map((u) => u.kind))];
  const references = new Map(
    kindsRead.map((kind) => {
      const members = ofYear.filter((u) => u.kind === kind);
      const key = majority(members, catalogueKey);
      return [kind, members.find((u) => catalogueKey(u) === key) as UnitSummary];
    }),
  );
  const accepted: UnitSummary[] = [];
  const byUnit = new Map<string, UnitSummary>();
  for (const u of ofYear) {
    const first = byUnit.get(textKey(u.unit));
    const reference = references.get(u.kind) as UnitSummary;
    if (!carriesCatalogue(u, reference)) {
      rejected.push({ file: u.file, reason: CONSOLIDATION_MESSAGES.otherCatalogue.of(catalogueDifferences(u, reference)) });
    } else if (first) {
      rejected.push({ file: u.file, reason: CONSOLIDATION_MESSAGES.duplicate.of(u.unit, first.file) });
    } else {
      byUnit.set(textKey(u.unit), u);
      accepted.push(u);
    }
  }
  const rules = accepted[0]?.quota;
  const kinds = [...new Set(accepted.map((u) => u.kind))];
  const names = groupNames(kinds, accepted);
  const counted = (u: UnitSummary) => u.finalLevel ?? u.level;
  const decisions = new Map<UnitSummary, UnitDecision>();
  const quota = !rules ? [] : kinds.map((kind): QuotaGroup => {
    const members = accepted.filter((u) => u.kind === kind);
    const share = exceptionalKinds.has(kind) ? rules.shareExceptional : rules.share;
    const byId = new Map(members.map((u, i) => [String(i), u]));
    const result = checkQuota(
      members.map((u, i) => ({ id: String(i), level: counted(u), points: u.points })),
      share,
      rules.base,
    );
    for (const [ids, decision] of [[result.keep, "keep"], [result.over, "lower"], [result.tied, "tie"]] as const) {
      for (const id of ids) decisions.set(byId.get(id) as UnitSummary, decision);
    }
    return { kind, share, base: result.base, allowed: result.allowed, excellent: result.ranking.length, tieAtCut: result.tieAtCut };
  });
  const units = accepted.map((u) => {
    const decision = decisions.get(u) ?? null;
    return {
      ...u,
      countedLevel: counted(u),
      decision,
      excellentKept: decision === null || decision === "tie" ? null : decision === "keep",
      publishedLevel: publishedLevel(counted(u), decision),
      problems: u.problems ?? [],
    };
  });
  const rank = new Map<(typeof units)[number], number | null>();
  for (const kind of kinds) for (const [u, r] of ranks(units.filter((x) => x.kind === kind))) rank.set(u, r);
  const groups = kinds.map((kind): ConsolidatedGroup => ({
    kind,
    name: render(names.get(kind) as Message, "vi"),
    label: names.get(kind) as Message,
    indicators: (references.get(kind) as UnitSummary).indicators.map((i) => i.code),
    units: accepted.filter((u) => u.kind === kind).map((u) => u.unit),
  }));
  // Every indicator of every group once, the groups' catalogues first, then units' own indicators.
  const indicators = new Map<string, UnitIndicator>();
  for (const kind of kinds) for (const i of (references.get(kind) as UnitSummary).indicators) if (!indicators.has(i.code)) indicators.set(i.code, i);
  for (const u of accepted) for (const i of u.indicators) if (!indicators.has(i.code)) indicators.set(i.code, i);
  return {
    year: wanted === null ? null : Number(wanted),
    indicators: [...indicators.values()].map(({ code, group, name, direction }) => ({ code, group, name, direction })),
    groups,
    totals: groups.flatMap((g) => groupTotals(g, accepted.filter((u) => u.kind === g.kind))),
    units: units.map((u) => ({ ...u, rank: rank.get(u) ?? null })),
    rejected,
    quota,
    quotaBase: rules?.base ?? null,
  };
}
