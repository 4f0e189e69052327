import { assess } from "./achievement";
import { msg } from "./messages";
import { parseDirection } from "./direction";
import { describeRaw, parseFlag, parseNumber } from "./numbers";
import { DEFAULT_PRESET, ruleSet, type PresetId, type RuleSet } from "./presets";
import { summarize, type RatedIndicator, type Summary } from "./levels";
import { normalizeText } from "./text";
import type { InputError, Status } from "./types";

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
}

export interface EvaluationInput {
  readonly preset?: PresetId;
  /** Province overrides of the preset's thresholds. */
  readonly rules?: Partial<RuleSet>;
  readonly commonScore?: unknown;
  readonly indicators: readonly IndicatorInput[];
}

export interface IndicatorResult {
  readonly code: string;
  readonly achievement: number | null;
  readonly status: Status;
}

export interface Evaluation {
  readonly indicators: readonly IndicatorResult[];
  readonly summary: Summary;
  readonly errors: readonly InputError[];
}

function readCommonScore(raw: unknown, rules: RuleSet, errors: InputError[]): number | null {
  const parsed = parseNumber(raw);
  if (parsed.kind === "missing") return null;
  if (parsed.kind === "value" && parsed.value >= 0 && parsed.value <= rules.commonMaxPoints) return parsed.value;
  const found = parsed.kind === "invalid" ? parsed.found : describeRaw(raw);
  errors.push({ code: null, field: "commonScore", message: msg.badCommonScore(found, rules.commonMaxPoints) });
  return null;
}

/** Checks of one indicator that do not depend on its values: code, direction, key flag, weight. */
function checkDefinition(input: IndicatorInput, seen: Set<string>): { errors: InputError[]; rated: Omit<RatedIndicator, "status"> } {
  const code = normalizeText(input.code);
  const errors: InputError[] = [];
  if (code === "") errors.push({ code, field: "code", message: msg.missingCode });
  else if (seen.has(code)) errors.push({ code, field: "code", message: msg.duplicateCode(code) });
  seen.add(code);
  if (parseDirection(input.direction) === null)
    errors.push({ code, field: "direction", message: msg.badDirection(describeRaw(input.direction)) });
  const key = parseFlag(input.key);
  if (key.kind === "invalid") errors.push({ code, field: "key", message: msg.notAFlag(key.found) });
  const weight = input.weight === undefined ? ({ kind: "value", value: 1 } as const) : parseNumber(input.weight);
  const weightOk = weight.kind === "value" && weight.value > 0;
  if (!weightOk) errors.push({ code, field: "weight", message: msg.badWeight(describeRaw(input.weight)) });
  return {
    errors,
    rated: { code, key: key.kind === "value" && key.value, weight: weightOk ? weight.value : 0 },
  };
}

/** Evaluate one unit's indicators for one year: the engine behind the CLI, the sheet and the pane. */
export function evaluate(input: EvaluationInput): Evaluation {
  const rules = ruleSet(input.preset ?? DEFAULT_PRESET, input.rules);
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const rated: RatedIndicator[] = [];
  const results: IndicatorResult[] = [];
  for (const indicator of input.indicators) {
    const definition = checkDefinition(indicator, seen);
    errors.push(...definition.errors);
    const direction = parseDirection(indicator.direction);
    const assessment = direction === null ? null : assess(direction, indicator.target, indicator.actual);
    if (assessment?.status === "error") {
      errors.push(...assessment.errors.map((e) => ({ code: definition.rated.code, ...e })));
    }
    const valid = assessment !== null && definition.errors.length === 0;
    const status: Status = valid ? assessment.status : "error";
    rated.push({ ...definition.rated, status });
    results.push({ code: definition.rated.code, achievement: valid ? assessment.achievement : null, status });
  }
  const commonScore = readCommonScore(input.commonScore, rules, errors);
  return { indicators: results, summary: summarize(rated, commonScore, rules), errors };
}
