import type { EvaluationInput, IndicatorInput } from "./evaluate";
import { isPresetId, PRESETS } from "./presets";

/**
 * The `evaluate` JSON document (the CLI contract). Only its shape is checked here; bad values
 * inside a well-formed document are input errors reported by `evaluate`.
 */
export type DocumentRead = { readonly ok: true; readonly input: EvaluationInput } | { readonly ok: false; readonly problem: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const OPTIONAL_TEXT = ["group", "name", "unit"] as const;

function readIndicator(raw: unknown, index: number): IndicatorInput | string {
  const where = `indicators[${index}]`;
  if (!isObject(raw)) return `${where} phải là một đối tượng JSON.`;
  const { code } = raw;
  if (typeof code !== "string" && typeof code !== "number") return `${where}.code phải là chuỗi hoặc số.`;
  for (const field of OPTIONAL_TEXT) {
    if (raw[field] !== undefined && typeof raw[field] !== "string") return `${where}.${field} phải là chuỗi.`;
  }
  return { ...raw, code: String(code), direction: raw.direction } as IndicatorInput;
}

export function readEvaluationDocument(json: unknown): DocumentRead {
  if (!isObject(json)) return { ok: false, problem: "Tài liệu phải là một đối tượng JSON có trường indicators." };
  const { preset, indicators } = json;
  if (preset !== undefined && !isPresetId(preset)) {
    return { ok: false, problem: `preset không hợp lệ: chọn một trong ${Object.keys(PRESETS).join(", ")}.` };
  }
  if (!Array.isArray(indicators)) return { ok: false, problem: "Trường indicators phải là một mảng." };
  const read: IndicatorInput[] = [];
  for (const [index, raw] of indicators.entries()) {
    const indicator = readIndicator(raw, index);
    if (typeof indicator === "string") return { ok: false, problem: indicator };
    read.push(indicator);
  }
  const { disqualifying } = json;
  if (disqualifying !== undefined && !isObject(disqualifying)) {
    return { ok: false, problem: "Trường disqualifying phải là một đối tượng { degradation, sanction, corruption }." };
  }
  const { excellence } = json;
  if (excellence !== undefined && !isObject(excellence)) {
    return { ok: false, problem: "Trường excellence phải là một đối tượng { disciplineBelow, shortcomingsRemedied }." };
  }
  return { ok: true, input: { preset, commonScore: json.commonScore, disqualifying, excellence, indicators: read } };
}
