import { msg } from "./messages";
import { meetsShare, type RuleSet } from "./presets";
import { roundHalfAway, round4 } from "./rounding";
import type { Level, Status } from "./types";

/** What the level needs to know of one assessed indicator. */
export interface RatedIndicator {
  readonly code: string;
  readonly key: boolean;
  readonly weight: number;
  readonly status: Status;
}

export interface Summary {
  readonly total: number;
  /** Met or exceeded. */
  readonly met: number;
  readonly exceeded: number;
  readonly notMet: number;
  readonly pending: number;
  readonly errors: number;
  /** Shares over indicators that have a status, rounded to 4 decimals. */
  readonly metShare: number | null;
  readonly exceededShare: number | null;
  readonly resultPoints: number | null;
  readonly points: number | null;
  readonly level: Level | null;
  readonly provisional: boolean;
  readonly reasons: readonly string[];
}

/** Points are kept to 2 decimals, in the code as in the worksheet. */
export const POINT_DIGITS = 2;

const isRated = (status: Status) => status === "exceeded" || status === "met" || status === "notMet";
const isMet = (status: Status) => status === "exceeded" || status === "met";

interface Tally {
  readonly evaluated: number;
  readonly met: number;
  readonly exceeded: number;
  readonly metShare: number;
  readonly exceededShare: number;
  readonly weightedMetShare: number;
  readonly keyNotMet: readonly string[];
}

function tally(indicators: readonly RatedIndicator[]): Tally {
  let evaluated = 0;
  let met = 0;
  let exceeded = 0;
  let weight = 0;
  let metWeight = 0;
  const keyNotMet: string[] = [];
  for (const item of indicators) {
    if (!isRated(item.status)) continue;
    evaluated += 1;
    weight += item.weight;
    if (isMet(item.status)) {
      met += 1;
      metWeight += item.weight;
    } else if (item.key) {
      keyNotMet.push(item.code);
    }
    if (item.status === "exceeded") exceeded += 1;
  }
  return {
    evaluated,
    met,
    exceeded,
    metShare: round4(met / evaluated),
    exceededShare: round4(exceeded / evaluated),
    weightedMetShare: metWeight / weight,
    keyNotMet,
  };
}

interface Decision {
  readonly level: Level;
  readonly reasons: readonly string[];
}

/** The level from the tally; `points` null means "judge by the indicator conditions alone". */
function decide(t: Tally, points: number | null, rules: RuleSet): Decision {
  const allMet = t.met === t.evaluated;
  const pointsOk = (min: number) => !rules.usesPoints || points === null || points >= min;
  const pointsCondition = (min: number) => (rules.usesPoints && points !== null ? [msg.conditionPoints(min)] : []);
  const pointsShortfall = (min: number) => (pointsOk(min) || points === null ? [] : [msg.shortfallPoints(points, min)]);
  const excellentShare = rules.excellentExceededShare;
  const completeShare = rules.completeMetShare;

  const missedExcellent = [
    ...pointsShortfall(rules.excellentMinPoints),
    ...(allMet ? [] : [msg.shortfallNotAllMet(t.evaluated - t.met)]),
    ...(meetsShare(t.exceededShare, excellentShare)
      ? []
      : [msg.shortfallExceededShare(t.exceededShare, excellentShare.min, excellentShare.inclusive)]),
  ];
  const missedGood = [
    ...pointsShortfall(rules.goodMinPoints),
    ...(allMet ? [] : [msg.shortfallNotAllMet(t.evaluated - t.met)]),
  ];
  const missedComplete = [
    ...pointsShortfall(rules.completeMinPoints),
    ...(meetsShare(t.metShare, completeShare)
      ? []
      : [msg.shortfallMetShare(t.metShare, completeShare.min, completeShare.inclusive)]),
  ];

  if (rules.keyIndicatorDecides && t.keyNotMet.length > 0) {
    return { level: "incomplete", reasons: [msg.reasonKeyNotMet(t.keyNotMet)] };
  }
  if (missedExcellent.length === 0) {
    const conditions = [
      ...pointsCondition(rules.excellentMinPoints),
      msg.conditionAllMet,
      msg.conditionExceededShare(excellentShare.min, excellentShare.inclusive),
    ];
    return { level: "excellent", reasons: [msg.reasonLevel("excellent", conditions)] };
  }
  const notExcellent = msg.reasonMissed("excellent", missedExcellent);
  if (missedGood.length === 0) {
    const conditions = [...pointsCondition(rules.goodMinPoints), msg.conditionAllMet];
    return { level: "good", reasons: [msg.reasonLevel("good", conditions), notExcellent] };
  }
  const notGood = msg.reasonMissed("good", missedGood);
  if (missedComplete.length === 0) {
    const conditions = [
      ...pointsCondition(rules.completeMinPoints),
      msg.conditionMetShare(completeShare.min, completeShare.inclusive),
    ];
    const keyOk = rules.keyIndicatorDecides ? [msg.conditionNoKeyMissed] : [];
    return { level: "complete", reasons: [msg.reasonLevel("complete", [...conditions, ...keyOk]), notGood] };
  }
  const inUndefinedBand =
    rules.incompleteBelowMetShare !== null && t.metShare >= rules.incompleteBelowMetShare;
  const band =
    inUndefinedBand && rules.incompleteBelowMetShare !== null
      ? [msg.reasonUndefinedBand(t.metShare, rules.incompleteBelowMetShare, completeShare.min)]
      : [];
  return { level: "incomplete", reasons: [msg.reasonMissed("complete", missedComplete), ...band] };
}

/**
 * The suggested level and its reasons (DOMAIN.md §4). Shares are taken over indicators that
 * have a status; pending or erroneous indicators, or a missing common score where points
 * count, make the result provisional.
 */
export function summarize(
  indicators: readonly RatedIndicator[],
  commonScore: number | null,
  rules: RuleSet,
): Summary {
  const t = tally(indicators);
  const pendingCodes = indicators.filter((i) => i.status === "pending").map((i) => i.code);
  const errorCodes = indicators.filter((i) => i.status === "error").map((i) => i.code);
  const provisional = pendingCodes.length > 0 || errorCodes.length > 0 || (rules.usesPoints && commonScore === null);
  const counts = {
    total: indicators.length,
    met: t.met,
    exceeded: t.exceeded,
    notMet: t.evaluated - t.met,
    pending: pendingCodes.length,
    errors: errorCodes.length,
  };
  const openIssues = [
    ...(pendingCodes.length > 0 ? [msg.reasonPending(pendingCodes)] : []),
    ...(errorCodes.length > 0 ? [msg.reasonErrors(errorCodes)] : []),
  ];
  if (t.evaluated === 0) {
    return {
      ...counts,
      metShare: null,
      exceededShare: null,
      resultPoints: null,
      points: null,
      level: null,
      provisional,
      reasons: [msg.reasonNothingToEvaluate, ...openIssues],
    };
  }
  const resultPoints = rules.usesPoints ? roundHalfAway(rules.resultMaxPoints * t.weightedMetShare, POINT_DIGITS) : null;
  const points =
    resultPoints !== null && commonScore !== null ? roundHalfAway(resultPoints + commonScore, POINT_DIGITS) : null;
  const decision = decide(t, points, rules);
  const pointsReasons =
    resultPoints === null
      ? []
      : points !== null && commonScore !== null
        ? [msg.reasonPoints(points, resultPoints, commonScore)]
        : [msg.reasonNoCommonScore(resultPoints)];
  return {
    ...counts,
    metShare: t.metShare,
    exceededShare: t.exceededShare,
    resultPoints,
    points,
    level: decision.level,
    provisional,
    reasons: [
      msg.reasonCounts(t.met, t.evaluated, t.exceeded),
      ...(counts.notMet > 0 ? [msg.reasonNotMet(counts.notMet, t.evaluated, t.keyNotMet)] : []),
      ...pointsReasons,
      ...decision.reasons,
      ...openIssues,
    ],
  };
}
