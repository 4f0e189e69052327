import { assess, numberMessage, type ValueSource } from "./achievement";
import { DIRECTION_NAMES } from "./messages/names";
import { msg } from "./messages/engine";
import { said, type CatalogueText, type Message } from "./messages/localize";
import { parseDirection } from "./direction";
import { DATE_FIELDS, doneAfterDue, readDay } from "./lateness";
import { describeRaw, isBlank, parseCellFlag, parseCellNumber, parseFlag, parseNumber, parseYesNo } from "./numbers";
import { DEFAULT_PRESET, ruleSet, type PresetId, type RuleSet } from "./presets";
import {
  EXCELLENCE_QUESTIONS,
  summarize,
  type CommonScore,
  type Disqualifier,
  type Disqualifying,
  type ExcellenceAnswers,
  type ExcellenceQuestion,
  type RatedIndicator,
  type Summary,
} from "./levels";
import { normalizeText, textKey } from "./text";
import { levelRank } from "./caps";
import { roundHalfAway } from "./rounding";
import { POINT_DIGITS } from "./levels";
import type { InputError, Level, Status } from "./types";

/** One indicator as typed: values are raw (numbers, text, booleans or absent). */
export interface IndicatorInput {
  readonly code: string;
  readonly group?: string;
  readonly name?: string;
  readonly unit?: string;
  readonly direction: unknown;
  readonly target?: unknown;
  readonly actual?: unknown;
  readonly key?: unknown;
  readonly weight?: unknown;
  /** Marked late ("chưa bảo đảm tiến độ"): Có/Không, true/false; blank is on time. */
  readonly late?: unknown;
  /**
   * A milestone's due date and the day it was done: an Excel serial, or in a document ISO
   * (2025-06-30) or Vietnamese (30/6/2025) text. Done after due makes it late whatever `late` says.
   */
  readonly due?: unknown;
  readonly done?: unknown;
  /**
   * The results score the competent level typed for this indicator: it replaces the product
   * default (its share of the results points when met, docs/rules.md §2); blank keeps the default.
   */
  readonly score?: unknown;
}

export interface EvaluationInput {
  /** "sheet" when the values were read from worksheet cells (see ValueSource). */
  readonly source?: ValueSource;
  readonly preset?: PresetId;
  /** Province overrides of the preset's thresholds. */
  readonly rules?: Partial<RuleSet>;
  readonly commonScore?: unknown;
  /** Disqualifying conditions, answered yes or no (blank is no). */
  readonly disqualifying?: Readonly<Partial<Record<Disqualifier, unknown>>>;
  /** The two further conditions of excellent (QĐ 366 Art. 11), answered yes or no; blank is not answered. */
  readonly excellence?: Readonly<Partial<Record<ExcellenceQuestion, unknown>>>;
  readonly indicators: readonly IndicatorInput[];
  /**
   * The cap the optional rule of the task register sets (issue 9 §3): the head has a breakthrough
   * task rated incomplete for the year. Absent or null: no cap, the level as before.
   */
  readonly taskCap?: Level | null;
}

export interface IndicatorResult {
  readonly code: string;
  readonly achievement: number | null;
  readonly status: Status;
  /** Late as counted: marked late, or a milestone done after its due date. */
  readonly late: boolean;
  /** The competent level's results score, present only when one was typed and counts. */
  readonly score?: number;
}

export interface Evaluation {
  readonly indicators: readonly IndicatorResult[];
  readonly summary: Summary;
  readonly errors: readonly InputError[];
}

function readCommonScore(raw: unknown, rules: RuleSet, source: ValueSource, errors: InputError[]): CommonScore {
  const parsed = source === "sheet" ? parseCellNumber(raw) : parseNumber(raw);
  if (parsed.kind === "missing") return { kind: "missing" };
  if (parsed.kind === "value" && parsed.value >= 0 && parsed.value <= rules.commonMaxPoints) return parsed;
  const found = describeRaw(raw);
  errors.push({ index: null, code: null, field: "commonScore", ...said(msg.badCommonScore.of(found, rules.commonMaxPoints)) });
  return { kind: "invalid" };
}

export const DISQUALIFIERS: readonly Disqualifier[] = ["degradation", "sanction", "corruption"];

/** The disqualifying conditions answered "yes"; an unreadable answer is an input error. */
function readDisqualifying(raw: EvaluationInput["disqualifying"], errors: InputError[]): Disqualifying {
  const yes: Disqualifier[] = [];
  const unreadable: Disqualifier[] = [];
  for (const d of DISQUALIFIERS) {
    const parsed = parseYesNo(raw?.[d]);
    if (parsed.kind === "invalid") {
      errors.push({ index: null, code: null, field: d, ...said(msg.notYesNo.of(parsed.found)) });
      unreadable.push(d);
    } else if (parsed.kind === "value" && parsed.value) {
      yes.push(d);
    }
  }
  return { yes, unreadable };
}

/** The excellence answers; blank is not answered, an unreadable answer is an input error and stays unanswered. */
function readExcellence(raw: EvaluationInput["excellence"], errors: InputError[]): ExcellenceAnswers {
  const answer = (q: ExcellenceQuestion): boolean | null => {
    if (isBlank(raw?.[q])) return null;
    const parsed = parseYesNo(raw?.[q]);
    if (parsed.kind === "value") return parsed.value;
    errors.push({ index: null, code: null, field: q, ...said(msg.notYesNo.of(parsed.kind === "invalid" ? parsed.found : "")) });
    return null;
  };
  return Object.fromEntries(EXCELLENCE_QUESTIONS.map((q) => [q, answer(q)])) as Record<ExcellenceQuestion, boolean | null>;
}

/** What the definition checks make of one indicator. */
interface Definition {
  readonly code: string;
  readonly direction: ReturnType<typeof parseDirection>;
  readonly key: boolean;
  readonly weight: number;
  /** Marked late (Có); the dates' part waits for the row's status. */
  readonly late: boolean;
  readonly due: string | null;
  readonly done: string | null;
  readonly valid: boolean;
}

/**
 * Checks of one indicator that do not depend on its values: code, direction, key flag,
 * weight, the late mark and dates. Errors go straight into `errors`: this runs for every indicator, so it allocates little.
 */
function checkDefinition(input: IndicatorInput, index: number, seen: Set<string>, source: ValueSource, errors: InputError[]): Definition {
  const code = normalizeText(input.code);
  const before = errors.length;
  const fail = (field: string, message: CatalogueText | Message) => errors.push({ index, code, field, ...said(message) });
  // Codes compare like Excel's "=": trimmed and case-insensitive.
  const codeKey = textKey(code);
  if (code === "") fail("code", msg.missingCode);
  else if (seen.has(codeKey)) fail("code", msg.duplicateCode.of(code));
  seen.add(codeKey);
  const direction = directionOf(input, source);
  if (direction === null) fail("direction", isBlank(input.direction) ? msg.missingDirection : msg.badDirection.of(describeRaw(input.direction)));
  const key = source === "sheet" ? parseCellFlag(input.key) : parseFlag(input.key);
  if (key.kind === "invalid") fail("key", msg.notAFlag.of(key.found));
  const weight = source === "sheet" ? parseCellNumber(input.weight) : parseNumber(input.weight ?? 1);
  const weightOk = weight.kind === "value" && weight.value > 0;
  if (weight.kind === "missing") fail("weight", msg.missingWeight);
  else if (weight.kind === "invalid") fail("weight", numberMessage(weight));
  else if (!weightOk) fail("weight", msg.badWeight.of(describeRaw(input.weight)));
  const late = parseYesNo(input.late);
  if (late.kind === "invalid") fail("late", msg.notYesNo.of(late.found));
  const [due, done] = DATE_FIELDS.map((field) => {
    const day = readDay(input[field], field, source);
    if (day.kind === "invalid") fail(field, day.message);
    return day.kind === "value" ? day.day : null;
  });
  return {
    code,
    direction,
    key: key.kind === "value" && key.value,
    weight: weightOk ? weight.value : 0,
    late: late.kind === "value" && late.value,
    due,
    done,
    valid: errors.length === before,
  };
}

type ScoreRead = { readonly kind: "missing" } | { readonly kind: "value"; readonly value: number } | { readonly kind: "invalid"; readonly message: Message };

/**
 * The competent level's results score of one indicator: a number from 0 to the indicator's share
 * of the results points (rounded to 2 decimals, as points are), else an input error.
 */
function readScore(raw: unknown, weight: number, totalWeight: number, rules: RuleSet, source: ValueSource): ScoreRead {
  const parsed = source === "sheet" ? parseCellNumber(raw) : parseNumber(raw);
  if (parsed.kind === "missing") return parsed;
  const max = totalWeight > 0 ? roundHalfAway((rules.resultMaxPoints * weight) / totalWeight, POINT_DIGITS) : 0;
  if (parsed.kind === "value" && parsed.value >= 0 && parsed.value <= max) return parsed;
  // A number is shown the Vietnamese way (17,6), as the cell shows it.
  const found = parsed.kind === "value" ? String(parsed.value).replace(".", ",") : describeRaw(raw);
  return { kind: "invalid", message: msg.badScore.of(found, max) };
}

/** The sheet's "Chiều" column takes only its Vietnamese words; documents also take the English codes. */
function directionOf(input: IndicatorInput, source: ValueSource) {
  const direction = parseDirection(input.direction);
  return source === "sheet" && direction !== null && textKey(String(input.direction)) !== textKey(DIRECTION_NAMES[direction])
    ? null
    : direction;
}

/** Evaluate one unit's indicators for one year: the engine behind the CLI, the sheet and the pane. */
export function evaluate(input: EvaluationInput): Evaluation {
  const rules = ruleSet(input.preset ?? DEFAULT_PRESET, input.rules);
  const source = input.source ?? "document";
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const rated: RatedIndicator[] = [];
  const results: IndicatorResult[] = [];
  const definitions = input.indicators.map((indicator, index) => checkDefinition(indicator, index, seen, source, errors));
  const totalWeight = definitions.reduce((sum, d) => sum + d.weight, 0);
  for (let index = 0; index < input.indicators.length; index++) {
    const indicator = input.indicators[index];
    const definition = definitions[index];
    const { code, direction } = definition;
    // The sheet checks a typed score only on a row whose definition holds, as here.
    const score = definition.valid ? readScore(indicator.score, definition.weight, totalWeight, rules, source) : { kind: "missing" as const };
    if (score.kind === "invalid") errors.push({ index, code, field: "score", ...said(score.message) });
    const assessment = direction === null ? null : assess(direction, indicator.target, indicator.actual, source);
    if (assessment !== null && assessment.status === "error") {
      for (const e of assessment.errors) errors.push({ index, code, field: e.field, message: e.message, id: e.id, params: e.params });
    }
    const valid = assessment !== null && definition.valid && score.kind !== "invalid";
    const status: Status = valid ? assessment.status : "error";
    // A row in error takes the default (not met for the floor, its full share for the ceiling), as on the sheet.
    const typed = status !== "error" && score.kind === "value" ? { score: score.value } : {};
    // Late: marked so, or a milestone done after its due date; a typed "Không" does not undo the dates.
    const late = definition.late || doneAfterDue(direction, status, definition.due, definition.done);
    rated.push({ code, key: definition.key, weight: definition.weight, status, late, ...typed });
    results.push({ code, achievement: valid ? assessment.achievement : null, status, late, ...typed });
  }
  const commonScore = readCommonScore(input.commonScore, rules, source, errors);
  const disqualifying = readDisqualifying(input.disqualifying, errors);
  const excellence = readExcellence(input.excellence, errors);
  const evaluation = { indicators: results, summary: summarize(rated, commonScore, rules, disqualifying, excellence), errors };
  return input.taskCap ? withTaskCap(evaluation, input.taskCap) : evaluation;
}

/** An evaluation whose suggested and reachable levels are no higher than `cap` (the sheet's MIN over level ranks), with the reason when it lowers them. */
export function withTaskCap(evaluation: Evaluation, cap: Level): Evaluation {
  const summary = evaluation.summary;
  const capped = (level: Level | null) => (level !== null && levelRank(level) > levelRank(cap) ? cap : level);
  const level = capped(summary.level);
  const ceilingLevel = capped(summary.ceilingLevel);
  if (level === summary.level && ceilingLevel === summary.ceilingLevel) return evaluation;
  return { ...evaluation, summary: { ...summary, level, ceilingLevel, reasons: [...summary.reasons, msg.reasonTaskCap.of(cap)] } };
}
