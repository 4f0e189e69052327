// The rule set as an editable form: shares are shown and typed as percentages (30 for 0.3), in
// Vietnamese number style (30,5). Parsing uses the engine's number reader, so "30%" works too.
import { formatCount, parseNumber, type PresetId, type QuotaBase, type RuleSet } from "../../domain";
import type { StringKey } from "../../i18n/strings";

export type NumberFieldKey =
  | "resultMaxPoints"
  | "commonMaxPoints"
  | "excellentMinPoints"
  | "goodMinPoints"
  | "completeMinPoints"
  | "excellentExceededShare"
  | "completeMetShare"
  | "incompleteBelowMetShare"
  | "quotaShare"
  | "quotaShareExceptional";

export interface NumberField {
  readonly key: NumberFieldKey;
  readonly label: StringKey;
  readonly hint: StringKey;
  readonly unit: "points" | "percent";
  /** An empty field means "no such threshold" (null in the rule set). */
  readonly optional?: boolean;
}

export const POINT_FIELDS: readonly NumberField[] = [
  { key: "resultMaxPoints", label: "ruleResultMaxPoints", hint: "ruleResultMaxPointsHint", unit: "points" },
  { key: "commonMaxPoints", label: "ruleCommonMaxPoints", hint: "ruleCommonMaxPointsHint", unit: "points" },
  { key: "excellentMinPoints", label: "ruleExcellentMinPoints", hint: "rulePointsHint", unit: "points" },
  { key: "goodMinPoints", label: "ruleGoodMinPoints", hint: "rulePointsHint", unit: "points" },
  { key: "completeMinPoints", label: "ruleCompleteMinPoints", hint: "rulePointsHint", unit: "points" },
];

export const EXCEEDED_SHARE: NumberField = {
  key: "excellentExceededShare",
  label: "ruleExcellentExceededShare",
  hint: "rulePercentHint",
  unit: "percent",
};
export const MET_SHARE: NumberField = { key: "completeMetShare", label: "ruleCompleteMetShare", hint: "rulePercentHint", unit: "percent" };
export const INCOMPLETE_SHARE: NumberField = {
  key: "incompleteBelowMetShare",
  label: "ruleIncompleteBelowMetShare",
  hint: "ruleIncompleteBelowMetShareHint",
  unit: "percent",
  optional: true,
};
export const QUOTA_FIELDS: readonly NumberField[] = [
  { key: "quotaShare", label: "ruleQuotaShare", hint: "ruleQuotaShareHint", unit: "percent" },
  { key: "quotaShareExceptional", label: "ruleQuotaShareExceptional", hint: "ruleQuotaShareExceptionalHint", unit: "percent" },
];

export interface RulesForm {
  readonly preset: PresetId;
  readonly usesPoints: boolean;
  readonly keyIndicatorDecides: boolean;
  readonly excellentExceededInclusive: boolean;
  readonly completeMetInclusive: boolean;
  readonly quotaBase: QuotaBase;
  readonly numbers: { readonly [K in NumberFieldKey]: string };
}

const percentText = (share: number | null) => (share === null ? "" : formatCount(share * 100));
const pointsText = (points: number) => formatCount(points);

export function formFromRules(rules: RuleSet): RulesForm {
  return {
    preset: rules.preset,
    usesPoints: rules.usesPoints,
    keyIndicatorDecides: rules.keyIndicatorDecides,
    excellentExceededInclusive: rules.excellentExceededShare.inclusive,
    completeMetInclusive: rules.completeMetShare.inclusive,
    quotaBase: rules.quotaBase,
    numbers: {
      resultMaxPoints: pointsText(rules.resultMaxPoints),
      commonMaxPoints: pointsText(rules.commonMaxPoints),
      excellentMinPoints: pointsText(rules.excellentMinPoints),
      goodMinPoints: pointsText(rules.goodMinPoints),
      completeMinPoints: pointsText(rules.completeMinPoints),
      excellentExceededShare: percentText(rules.excellentExceededShare.min),
      completeMetShare: percentText(rules.completeMetShare.min),
      incompleteBelowMetShare: percentText(rules.incompleteBelowMetShare),
      quotaShare: percentText(rules.quotaShare),
      quotaShareExceptional: percentText(rules.quotaShareExceptional),
    },
  };
}

/** Every number field, in the form's order. */
export const ALL_FIELDS: readonly NumberField[] = [...POINT_FIELDS, EXCEEDED_SHARE, MET_SHARE, INCOMPLETE_SHARE, ...QUOTA_FIELDS];

/** A field's value in rule-set units (shares as fractions), null when empty and optional, or "invalid". */
function readField(field: NumberField, text: string): number | null | "invalid" {
  const parsed = parseNumber(text);
  if (parsed.kind === "missing") return field.optional ? null : "invalid";
  if (parsed.kind === "invalid" || parsed.value < 0) return "invalid";
  if (field.unit === "points") return parsed.value;
  return parsed.value <= 100 ? parsed.value / 100 : "invalid";
}

export type RulesFromForm = { readonly ok: true; readonly rules: RuleSet } | { readonly ok: false; readonly invalid: ReadonlySet<NumberFieldKey> };

export function rulesFromForm(form: RulesForm): RulesFromForm {
  const values = new Map<NumberFieldKey, number | null>();
  const invalid = new Set<NumberFieldKey>();
  for (const field of ALL_FIELDS) {
    const value = readField(field, form.numbers[field.key]);
    if (value === "invalid") invalid.add(field.key);
    else values.set(field.key, value);
  }
  if (invalid.size > 0) return { ok: false, invalid };
  const num = (key: NumberFieldKey) => values.get(key) ?? 0;
  return {
    ok: true,
    rules: {
      preset: form.preset,
      usesPoints: form.usesPoints,
      resultMaxPoints: num("resultMaxPoints"),
      commonMaxPoints: num("commonMaxPoints"),
      excellentMinPoints: num("excellentMinPoints"),
      excellentExceededShare: { min: num("excellentExceededShare"), inclusive: form.excellentExceededInclusive },
      goodMinPoints: num("goodMinPoints"),
      completeMinPoints: num("completeMinPoints"),
      completeMetShare: { min: num("completeMetShare"), inclusive: form.completeMetInclusive },
      incompleteBelowMetShare: values.get("incompleteBelowMetShare") ?? null,
      keyIndicatorDecides: form.keyIndicatorDecides,
      quotaShare: num("quotaShare"),
      quotaShareExceptional: num("quotaShareExceptional"),
      quotaBase: form.quotaBase,
    },
  };
}
