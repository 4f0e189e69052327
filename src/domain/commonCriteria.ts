import { numberMessage } from "./achievement";
import { said, type CatalogueText, type Message } from "./messages/localize";
import { criteriaMsg } from "./messages/criteria";
import { isBlank, parseCellNumber } from "./numbers";
import { roundHalfAway } from "./rounding";

/**
 * The common criteria (tiêu chí chung, 30 points of QĐ 366's 100-point scale), scored per
 * criterion by three evaluators (docs/rules.md §2). Values come from worksheet cells: text in a
 * number cell is an error with the number to retype, as everywhere else on a sheet.
 *
 * The common score is the competent level's total:
 * - "invalid" when any competent-level cell is not a number, negative or above its row's
 *   maximum, when any maximum is missing, not a number or negative, or when the maxima do not
 *   add up to the rules' common maximum (then no score can be trusted to lie in 0–max);
 * - otherwise "provisional" (score null, i.e. not entered) while any competent-level cell of a
 *   criterion is blank;
 * - otherwise "complete", the total rounded to 2 decimals.
 * Invalid wins over provisional so that a typing error is reported at once. The self-assessed
 * and direct-superior columns are checked and totalled the same way but never feed the score.
 * The worksheet twin is src/layout/criteriaSheet.ts.
 */

export interface CommonCriterion {
  readonly code: string;
  readonly text: string;
  readonly maxPoints: number;
}

/**
 * The criteria groups QĐ 366-QĐ/TW (30/8/2025) lists as common criteria for individuals, as
 * reported when it was issued. No public text giving each group's points was found: the even
 * split is a default to check against the current guidance (HD 43-HD/BTCTW, the province's own).
 */
export const DEFAULT_COMMON_CRITERIA: readonly CommonCriterion[] = [
  { code: "1", text: "Phẩm chất chính trị, đạo đức, lối sống; thực hiện trách nhiệm nêu gương", maxPoints: 10 },
  {
    code: "2",
    text: "Tư duy đổi mới, tư duy chiến lược; khát vọng cống hiến; dám nghĩ, dám làm, dám chịu trách nhiệm",
    maxPoints: 10,
  },
  { code: "3", text: "Tự phê bình và phê bình; tự soi, tự sửa; khắc phục hạn chế, khuyết điểm", maxPoints: 10 },
];

/** What the sheet says it follows; a province that edits the criteria edits this line too. */
export const COMMON_CRITERIA_SOURCE = [
  "Căn cứ: nhóm tiêu chí chung (30 điểm) theo Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị và Hướng dẫn 43-HD/BTCTW.",
  "Điểm tối đa từng tiêu chí là mặc định chia đều, cần đối chiếu với hướng dẫn hiện hành của cấp có thẩm quyền và sửa cho đúng.",
] as const;

export const SCORE_COLUMNS = ["self", "superior", "competent"] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/** One criterion row as typed: raw cell values. */
export interface CriterionInput {
  readonly code?: unknown;
  readonly text?: unknown;
  readonly maxPoints?: unknown;
  readonly self?: unknown;
  readonly superior?: unknown;
  readonly competent?: unknown;
}

export interface CriteriaError {
  /** Index into the input rows, or null for the maxima's total. */
  readonly index: number | null;
  readonly field: "maxPoints" | ScoreColumn;
  /** Vietnamese; `id` and `params` are the same message as data of the catalogue. */
  readonly message: string;
  readonly id: string;
  readonly params: readonly unknown[];
}

/** A column as the sheet's totals and count rows show it. */
export interface ColumnTally {
  /** Sum of the numbers typed (text is not summed, as Excel's SUM), rounded to 2 decimals. */
  readonly total: number;
  /** Blank cells of criteria rows (a blank maximum counts as invalid instead). */
  readonly blank: number;
  /** Cells that are not a number, negative, or (score columns) above the row's maximum. */
  readonly invalid: number;
}

export type CommonScoreState = "complete" | "provisional" | "invalid";

export interface CommonCriteriaResult {
  readonly maxPoints: ColumnTally;
  /** The maxima add up to the rules' common maximum. */
  readonly maxTotalMatches: boolean;
  readonly scores: Readonly<Record<ScoreColumn, ColumnTally>>;
  readonly state: CommonScoreState;
  /** The competent level's total when complete, null otherwise. */
  readonly score: number | null;
  readonly errors: readonly CriteriaError[];
}

const POINT_DIGITS = 2;

const FIELDS = ["code", "text", "maxPoints", ...SCORE_COLUMNS] as const;

/** A row with nothing typed in it is not a criterion (the sheet's count formulas skip it too). */
export function isEmptyCriterion(row: CriterionInput): boolean {
  return FIELDS.every((field) => isBlank(row[field]));
}

interface Counter {
  sum: number;
  blank: number;
  invalid: number;
}

const counter = (): Counter => ({ sum: 0, blank: 0, invalid: 0 });
const tally = (c: Counter): ColumnTally => ({ total: roundHalfAway(c.sum, POINT_DIGITS), blank: c.blank, invalid: c.invalid });

export function scoreCommonCriteria(rows: readonly CriterionInput[], commonMaxPoints: number): CommonCriteriaResult {
  const errors: CriteriaError[] = [];
  const max = counter();
  const scores: Record<ScoreColumn, Counter> = { self: counter(), superior: counter(), competent: counter() };
  rows.forEach((row, index) => {
    if (isEmptyCriterion(row)) return;
    const fail = (field: CriteriaError["field"], message: CatalogueText | Message, c: Counter) => {
      c.invalid++;
      errors.push({ index, field, ...said(message) });
    };
    const parsedMax = parseCellNumber(row.maxPoints);
    let limit: number | null = null;
    if (parsedMax.kind === "missing") fail("maxPoints", criteriaMsg.missingMax, max);
    else if (parsedMax.kind === "invalid") fail("maxPoints", numberMessage(parsedMax), max);
    else {
      max.sum += parsedMax.value;
      if (parsedMax.value < 0) fail("maxPoints", criteriaMsg.negativeMax.of(parsedMax.value), max);
      else limit = parsedMax.value;
    }
    for (const column of SCORE_COLUMNS) {
      const c = scores[column];
      const parsed = parseCellNumber(row[column]);
      if (parsed.kind === "missing") c.blank++;
      else if (parsed.kind === "invalid") fail(column, numberMessage(parsed), c);
      else {
        c.sum += parsed.value;
        if (parsed.value < 0) fail(column, criteriaMsg.negativeScore.of(parsed.value), c);
        else if (limit !== null && parsed.value > limit) fail(column, criteriaMsg.aboveMax.of(parsed.value, limit), c);
      }
    }
  });
  const maxPoints = tally(max);
  const maxTotalMatches = maxPoints.total === commonMaxPoints;
  if (!maxTotalMatches) errors.push({ index: null, field: "maxPoints", ...said(criteriaMsg.maxTotal.of(maxPoints.total, commonMaxPoints)) });
  const competent = tally(scores.competent);
  const state: CommonScoreState =
    competent.invalid > 0 || maxPoints.invalid > 0 || !maxTotalMatches ? "invalid" : competent.blank > 0 ? "provisional" : "complete";
  return {
    maxPoints,
    maxTotalMatches,
    scores: { self: tally(scores.self), superior: tally(scores.superior), competent },
    state,
    score: state === "complete" ? competent.total : null,
    errors,
  };
}
