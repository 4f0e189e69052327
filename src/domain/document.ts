import type { EvaluationInput, IndicatorInput } from "./evaluate";
import type { Message } from "./messages/localize";
import { docMsg } from "./messages/document";
import { isPresetId, PRESETS } from "./presets";

/**
 * The `evaluate` JSON document (the CLI contract). Only its shape is checked here; bad values
 * inside a well-formed document are input errors reported by `evaluate`.
 */
export type DocumentRead = { readonly ok: true; readonly input: EvaluationInput } | { readonly ok: false; readonly problem: Message };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const OPTIONAL_TEXT = ["group", "name", "unit"] as const;

function readIndicator(raw: unknown, index: number): { indicator: IndicatorInput } | { problem: Message } {
  const where = `indicators[${index}]`;
  if (!isObject(raw)) return { problem: docMsg.notObject.of(where) };
  const { code } = raw;
  if (typeof code !== "string" && typeof code !== "number") return { problem: docMsg.notStringOrNumber.of(`${where}.code`) };
  for (const field of OPTIONAL_TEXT) {
    if (raw[field] !== undefined && typeof raw[field] !== "string") return { problem: docMsg.notString.of(`${where}.${field}`) };
  }
  return { indicator: { ...raw, code: String(code), direction: raw.direction } as IndicatorInput };
}

export function readEvaluationDocument(json: unknown): DocumentRead {
  if (!isObject(json)) return { ok: false, problem: docMsg.noIndicators.of() };
  const { preset, indicators } = json;
  if (preset !== undefined && !isPresetId(preset)) {
    return { ok: false, problem: docMsg.badPreset.of(Object.keys(PRESETS).join(", ")) };
  }
  if (!Array.isArray(indicators)) return { ok: false, problem: docMsg.indicatorsNotArray.of() };
  const read: IndicatorInput[] = [];
  for (const [index, raw] of indicators.entries()) {
    const indicator = readIndicator(raw, index);
    if ("problem" in indicator) return { ok: false, problem: indicator.problem };
    read.push(indicator.indicator);
  }
  const { disqualifying } = json;
  if (disqualifying !== undefined && !isObject(disqualifying)) {
    return { ok: false, problem: docMsg.disqualifyingShape.of() };
  }
  const { excellence } = json;
  if (excellence !== undefined && !isObject(excellence)) {
    return { ok: false, problem: docMsg.excellenceShape.of() };
  }
  return { ok: true, input: { preset, commonScore: json.commonScore, disqualifying, excellence, indicators: read } };
}
