import type { Message } from "./messages/localize";
import { msg } from "./messages/engine";
import { meetsShare, type RuleSet } from "./presets";
import { roundHalfAway, round4 } from "./rounding";
import type { Level, Status } from "./types";

/** What the level needs to know of one assessed indicator. */
export interface RatedIndicator {
  readonly code: string;
  readonly key: boolean;
  readonly weight: number;
  readonly status: Status;
  /** Marked late ("chưa bảo đảm tiến độ", QĐ 366 Art. 11); absent is on time. */
  readonly late?: boolean;
  /** The competent level's results score, replacing the default share of this row in both readings. */
  readonly score?: number;
}

/** The common-criteria score as read: a value, nothing yet, or something outside 0–max. */
export type CommonScore =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "missing" }
  | { readonly kind: "invalid" };

/** Disqualifying conditions (NĐ 335/2025, QĐ 366): any one makes the level incomplete. */
export type Disqualifier = "degradation" | "sanction" | "corruption";

/** The answers: conditions answered yes, and those whose answer could not be read. */
export interface Disqualifying {
  readonly yes: readonly Disqualifier[];
  readonly unreadable: readonly Disqualifier[];
}

const NONE: Disqualifying = { yes: [], unreadable: [] };

/** The two further conditions of excellent (QĐ 366 Art. 11), as answered. */
export type ExcellenceQuestion = "disciplineBelow" | "shortcomingsRemedied";

/**
 * The answers to the excellence questions: true = answered yes, false = no, null = not answered
 * (or unreadable). `disciplineBelow` yes fails excellent; `shortcomingsRemedied` yes meets it.
 */
export type ExcellenceAnswers = Readonly<Record<ExcellenceQuestion, boolean | null>>;

export const EXCELLENCE_QUESTIONS: readonly ExcellenceQuestion[] = ["disciplineBelow", "shortcomingsRemedied"];

const UNANSWERED: ExcellenceAnswers = { disciplineBelow: null, shortcomingsRemedied: null };

/** Whether an answer meets its condition: unanswered is not met for the floor, met for the ceiling. */
function excellenceMet(answers: ExcellenceAnswers, reading: "floor" | "ceiling"): readonly ExcellenceQuestion[] {
  const failing = (q: ExcellenceQuestion, value: boolean | null) =>
    value === null ? reading === "floor" : q === "disciplineBelow" ? value : !value;
  return EXCELLENCE_QUESTIONS.filter((q) => failing(q, answers[q]));
}

export interface Summary {
  readonly total: number;
  /** Met or exceeded. */
  readonly met: number;
  readonly exceeded: number;
  readonly notMet: number;
  readonly pending: number;
  readonly errors: number;
  /** Indicators marked late (QĐ 366 Art. 11). */
  readonly late: number;
  /** Shares over all indicators (pending and erroneous ones count as not met), rounded to 4 decimals. */
  readonly metShare: number | null;
  readonly exceededShare: number | null;
  /** Result points with pending and erroneous indicators counted as not met. */
  readonly resultPoints: number | null;
  /** Result points plus the common score; null while the common score is missing or invalid. */
  readonly points: number | null;
  /** The level as figures stand, a floor that can only rise as figures arrive (docs/rules.md §2). */
  readonly level: Level | null;
  /** The highest level still reachable: pending figures exceeded, a missing common score full. */
  readonly ceilingLevel: Level | null;
  readonly provisional: boolean;
  readonly disqualified: readonly Disqualifier[];
  /** Why, as messages of the catalogue: whoever shows them renders them in its language. */
  readonly reasons: readonly Message[];
}

/** Points are kept to 2 decimals, in the code as in the worksheet. */
export const POINT_DIGITS = 2;

const isMet = (status: Status) => status === "exceeded" || status === "met";
const isOpen = (status: Status) => status === "pending" || status === "error";

/** Counts for one reading of the open (pending or erroneous) indicators. */
interface Tally {
  readonly total: number;
  readonly met: number;
  readonly exceeded: number;
  readonly metShare: number;
  readonly exceededShare: number;
  /** Met weight of the rows without a typed score, over all weight; null when no indicator has a usable weight. */
  readonly weightedMetShare: number | null;
  /** The typed results scores, summed. */
  readonly typedScore: number;
  readonly keyNotMet: readonly string[];
  readonly late: number;
  /** The codes of the late indicators, named where lateness bars a level. */
  readonly lateCodes: readonly string[];
  readonly lateShare: number;
  /** Excellence questions whose answer fails excellent in this reading. */
  readonly excellenceFailing: readonly ExcellenceQuestion[];
}

/** Floor: open indicators count as not met. Ceiling: as exceeded. Shares are over all indicators. */
function tally(indicators: readonly RatedIndicator[], open: "notMet" | "exceeded", answers: ExcellenceAnswers): Tally {
  let met = 0;
  let exceeded = 0;
  let weight = 0;
  let metWeight = 0;
  const lateCodes: string[] = [];
  let typedScore = 0;
  const keyNotMet: string[] = [];
  for (const item of indicators) {
    const status = isOpen(item.status) ? open : item.status;
    weight += item.weight;
    if (item.score !== undefined) typedScore += item.score;
    if (isMet(status)) {
      met += 1;
      if (item.score === undefined) metWeight += item.weight;
    } else if (item.key) {
      keyNotMet.push(item.code);
    }
    if (status === "exceeded") exceeded += 1;
    if (item.late === true) lateCodes.push(item.code);
  }
  const total = indicators.length;
  return {
    total,
    met,
    exceeded,
    metShare: round4(met / total),
    exceededShare: round4(exceeded / total),
    weightedMetShare: weight > 0 ? metWeight / weight : null,
    typedScore,
    keyNotMet,
    late: lateCodes.length,
    lateCodes,
    lateShare: round4(lateCodes.length / total),
    excellenceFailing: excellenceMet(answers, open === "notMet" ? "floor" : "ceiling"),
  };
}

interface Decision {
  readonly level: Level;
  readonly reasons: readonly Message[];
  /** Why the next level up was not reached (null for the top level). */
  readonly missed: Message | null;
}

/** The level from a tally; `points` null means the rule set does not use points. */
function decide(t: Tally, points: number | null, rules: RuleSet): Decision {
  const allMet = t.met === t.total;
  const pointsOk = (min: number) => points === null || points >= min;
  const pointsCondition = (min: number) => (points !== null ? [msg.conditionPoints.of(min)] : []);
  const pointsShortfall = (min: number) => (pointsOk(min) || points === null ? [] : [msg.shortfallPoints.of(points, min)]);
  const excellentShare = rules.excellentExceededShare;
  const completeShare = rules.completeMetShare;
  const lateRule = rules.completeLateShare;
  const noneLate = lateRule === null || t.late === 0 ? [] : [msg.shortfallLate.of(t.lateCodes)];
  const answers = rules.excellenceAnswers ? t.excellenceFailing.map((q) => msg.shortfallExcellence.of(q)) : [];

  const missedExcellent = [
    ...pointsShortfall(rules.excellentMinPoints),
    ...(allMet ? [] : [msg.shortfallNotAllMet.of(t.total - t.met)]),
    ...(meetsShare(t.exceededShare, excellentShare)
      ? []
      : [msg.shortfallExceededShare.of(t.exceededShare, excellentShare.min, excellentShare.inclusive)]),
    ...noneLate,
    ...answers,
  ];
  const missedGood = [
    ...pointsShortfall(rules.goodMinPoints),
    ...(allMet ? [] : [msg.shortfallNotAllMet.of(t.total - t.met)]),
    ...noneLate,
  ];
  const missedComplete = [
    ...pointsShortfall(rules.completeMinPoints),
    ...(meetsShare(t.metShare, completeShare)
      ? []
      : [msg.shortfallMetShare.of(t.metShare, completeShare.min, completeShare.inclusive)]),
    ...(lateRule === null || t.lateShare <= lateRule ? [] : [msg.shortfallLateShare.of(t.lateShare, lateRule)]),
  ];

  if (rules.keyIndicatorDecides && t.keyNotMet.length > 0) {
    const reason = msg.reasonKeyNotMet.of(t.keyNotMet);
    return { level: "incomplete", reasons: [reason], missed: reason };
  }
  if (missedExcellent.length === 0) {
    const conditions = [
      ...pointsCondition(rules.excellentMinPoints),
      msg.conditionAllMet.of(),
      msg.conditionExceededShare.of(excellentShare.min, excellentShare.inclusive),
      ...(lateRule === null ? [] : [msg.conditionNoneLate.of()]),
      ...(rules.excellenceAnswers ? [msg.conditionExcellenceAnswers.of()] : []),
    ];
    return { level: "excellent", reasons: [msg.reasonLevel.of("excellent", conditions)], missed: null };
  }
  const notExcellent = msg.reasonMissed.of("excellent", missedExcellent);
  if (missedGood.length === 0) {
    const conditions = [...pointsCondition(rules.goodMinPoints), msg.conditionAllMet.of(), ...(lateRule === null ? [] : [msg.conditionNoneLate.of()])];
    return { level: "good", reasons: [msg.reasonLevel.of("good", conditions), notExcellent], missed: notExcellent };
  }
  const notGood = msg.reasonMissed.of("good", missedGood);
  if (missedComplete.length === 0) {
    const conditions = [
      ...pointsCondition(rules.completeMinPoints),
      msg.conditionMetShare.of(completeShare.min, completeShare.inclusive),
      ...(lateRule === null ? [] : [msg.conditionLateShare.of(lateRule)]),
    ];
    const keyOk = rules.keyIndicatorDecides ? [msg.conditionNoKeyMissed.of()] : [];
    return { level: "complete", reasons: [msg.reasonLevel.of("complete", [...conditions, ...keyOk]), notGood], missed: notGood };
  }
  const inUndefinedBand =
    rules.incompleteBelowMetShare !== null && t.metShare >= rules.incompleteBelowMetShare;
  const band =
    inUndefinedBand && rules.incompleteBelowMetShare !== null
      ? [msg.reasonUndefinedBand.of(t.metShare, rules.incompleteBelowMetShare, completeShare.min)]
      : [];
  const notComplete = msg.reasonMissed.of("complete", missedComplete);
  return { level: "incomplete", reasons: [notComplete, ...band], missed: notComplete };
}

const DISQUALIFIED: Decision = { level: "incomplete", reasons: [], missed: null };

/**
 * Result points of a tally, rounded as the sheet rounds; null without points or weight. The
 * product default gives a met row its weight's share of the maximum; a typed score replaces that
 * share for its row, and the total never passes the maximum (typed scores are checked rounded).
 */
function resultPointsOf(t: Tally, rules: RuleSet): number | null {
  if (!rules.usesPoints || t.weightedMetShare === null) return null;
  return roundHalfAway(Math.min(rules.resultMaxPoints, t.typedScore + rules.resultMaxPoints * t.weightedMetShare), POINT_DIGITS);
}

/** Points a level is judged on: results plus the common score, or the stand-in for a missing one. */
function judgedPoints(resultPoints: number | null, common: number, rules: RuleSet): number | null {
  if (!rules.usesPoints) return null;
  return roundHalfAway((resultPoints ?? 0) + common, POINT_DIGITS);
}

function pointsReasons(resultPoints: number | null, common: CommonScore, points: number | null, rules: RuleSet): Message[] {
  if (!rules.usesPoints) return [];
  const result = resultPoints ?? 0;
  if (common.kind === "value" && points !== null) return [msg.reasonPoints.of(points, result, common.value)];
  return [common.kind === "invalid" ? msg.reasonInvalidCommonScore.of(result) : msg.reasonNoCommonScore.of(result)];
}

/**
 * The suggested level and its reasons (docs/rules.md §2). While any figure is missing the level is
 * provisional and comes as a floor (open indicators not met, a missing common score 0) and a
 * ceiling (open indicators exceeded, a missing common score full); a disqualifying condition
 * makes both "incomplete".
 */
export function summarize(
  indicators: readonly RatedIndicator[],
  commonScore: CommonScore | number | null,
  rules: RuleSet,
  disqualifying: Disqualifying = NONE,
  excellence: ExcellenceAnswers = UNANSWERED,
): Summary {
  const disqualified = disqualifying.yes;
  const common: CommonScore =
    commonScore === null ? { kind: "missing" } : typeof commonScore === "number" ? { kind: "value", value: commonScore } : commonScore;
  const pendingCodes = indicators.filter((i) => i.status === "pending").map((i) => i.code);
  const errorCodes = indicators.filter((i) => i.status === "error").map((i) => i.code);
  const openCodes = indicators.filter((i) => isOpen(i.status)).map((i) => i.code);
  const typedCodes = indicators.filter((i) => i.score !== undefined).map((i) => i.code);
  const commonOpen = rules.usesPoints && common.kind !== "value";
  const figuresOpen = openCodes.length > 0 || commonOpen || disqualifying.unreadable.length > 0;
  const floor = tally(indicators, "notMet", excellence);
  const counts = {
    total: indicators.length,
    met: floor.met,
    exceeded: floor.exceeded,
    notMet: indicators.filter((i) => i.status === "notMet").length,
    pending: pendingCodes.length,
    errors: errorCodes.length,
    late: floor.late,
  };
  const openIssues = [
    ...(pendingCodes.length > 0 ? [msg.reasonPending.of(pendingCodes)] : []),
    ...(errorCodes.length > 0 ? [msg.reasonErrors.of(errorCodes)] : []),
  ];
  if (indicators.length === 0) {
    return {
      ...counts,
      metShare: null,
      exceededShare: null,
      resultPoints: null,
      points: null,
      level: null,
      ceilingLevel: null,
      provisional: figuresOpen,
      disqualified,
      reasons: [msg.reasonNothingToEvaluate.of()],
    };
  }
  const commonValue = common.kind === "value" ? common.value : null;
  const resultPoints = resultPointsOf(floor, rules);
  const points = commonValue !== null && resultPoints !== null ? judgedPoints(resultPoints, commonValue, rules) : null;
  const disqualifiedReasons = disqualified.map((d) => msg.reasonDisqualified.of(d));
  // An unreadable answer might be "yes": the floor takes it so, the ceiling not.
  const judge = (t: Tally, stand: number, out: boolean) =>
    out ? DISQUALIFIED : decide(t, judgedPoints(resultPointsOf(t, rules), commonValue ?? stand, rules), rules);
  const level = judge(floor, 0, disqualified.length + disqualifying.unreadable.length > 0);
  const ceilingTally = tally(indicators, "exceeded", excellence);
  const reached = judge(ceilingTally, rules.commonMaxPoints, disqualified.length > 0);
  // An excellence question left open keeps the result provisional only where excellent is still reachable.
  const answersOpen = rules.excellenceAnswers && reached.level === "excellent" ? EXCELLENCE_QUESTIONS.filter((q) => excellence[q] === null) : [];
  const provisional = figuresOpen || answersOpen.length > 0;
  const ceiling = provisional ? reached : level;
  const pendingKeys = indicators.filter((i) => i.key && isOpen(i.status)).map((i) => i.code);
  const ceilingReasons = provisional
    ? [
        msg.reasonFloor.of(openCodes, commonOpen, disqualifying.unreadable.length > 0, answersOpen.length > 0),
        msg.reasonCeiling.of(ceiling.level, openCodes, commonOpen ? rules.commonMaxPoints : null, answersOpen),
        ...(rules.keyIndicatorDecides && pendingKeys.length > 0 && disqualified.length === 0 ? [msg.reasonPendingKeys.of(pendingKeys)] : []),
        ...(ceiling.missed !== null ? [msg.reasonCeilingMissed.of(ceiling.missed)] : []),
      ]
    : [];
  return {
    ...counts,
    metShare: floor.metShare,
    exceededShare: floor.exceededShare,
    resultPoints,
    points,
    level: level.level,
    ceilingLevel: ceiling.level,
    provisional,
    disqualified,
    reasons: [
      msg.reasonCounts.of(floor.met, floor.total, floor.exceeded),
      ...(counts.notMet > 0 ? [msg.reasonNotMet.of(counts.notMet, floor.total, indicators.filter((i) => i.key && i.status === "notMet").map((i) => i.code))] : []),
      ...pointsReasons(resultPoints, common, points, rules),
      ...(rules.usesPoints && typedCodes.length > 0 ? [msg.reasonTypedScores.of(typedCodes)] : []),
      ...disqualifiedReasons,
      ...level.reasons,
      ...openIssues,
      ...ceilingReasons,
    ],
  };
}
