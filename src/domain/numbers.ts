import { normalizeText, textKey } from "./text";

/**
 * Reading typed values: numbers arrive as numbers or as text in Vietnamese style
 * (`2.100`, `1.234,5`, `105,5%`) or plain style (`2100`, `1234.5`).
 */

export type Parsed<T> =
  | { readonly kind: "value"; readonly value: T }
  | { readonly kind: "missing" }
  | { readonly kind: "invalid"; readonly found: string; readonly textNumber?: number };

const MISSING: Parsed<never> = { kind: "missing" };

function invalid(found: string): Parsed<never> {
  return { kind: "invalid", found };
}

export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && normalizeText(raw) === "");
}

/** How a raw value is shown back to the user in a message. */
export function describeRaw(raw: unknown): string {
  if (typeof raw === "string") return `"${normalizeText(raw)}"`;
  return String(raw);
}

// A leading 0 never starts a thousands group (docs/rules.md §1): "0.750" is 0,75, never 750.
const GROUPED = /^[1-9]\d{0,2}(?:[.]\d{3})+$/; // 2.100 or 1.234.567 (Vietnamese thousands)
const GROUPED_COMMA = /^[1-9]\d{0,2}(?:,\d{3}){2,}$/; // 1,234,567 (only unambiguous with 2+ groups)

/**
 * Parse the digits part (no sign, no percent) into a number, deciding which of `.` and `,`
 * is the decimal separator:
 * - both present: the last one is the decimal separator (`1.234,5`, `1,234.5`);
 * - dots only: `2.100` and `1.234.567` group thousands (Vietnamese style); `1234.5`, `1.5` and
 *   `0.750` are decimal, since a dot there cannot be a thousands separator;
 * - commas only: `105,5` is decimal (Vietnamese style), `1,234,567` groups thousands.
 */
function parseDigits(body: string): number | null {
  // Spaces are accepted only as thousands separators: "2 100", "1 234,5".
  const spaced = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(body);
  const compact = spaced ? body.replace(/[ \u00a0\u202f]/g, "") : body;
  if (/\s/.test(compact)) return null;
  const lastDot = compact.lastIndexOf(".");
  const lastComma = compact.lastIndexOf(",");
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const grouping = decimal === "." ? "," : ".";
    const [intPart, fracPart, ...rest] = compact.split(decimal);
    if (rest.length > 0 || !/^\d+$/.test(fracPart)) return null;
    if (!new RegExp(`^(?:0|[1-9]\\d{0,2}(?:\\${grouping}\\d{3})*)$`).test(intPart)) return null;
    normalized = `${intPart.split(grouping).join("")}.${fracPart}`;
  } else if (lastDot >= 0) {
    if (GROUPED.test(compact)) normalized = compact.replace(/\./g, "");
    else if (/^\d*\.\d+$/.test(compact)) normalized = compact;
    else return null;
  } else if (lastComma >= 0) {
    if (GROUPED_COMMA.test(compact)) normalized = compact.replace(/,/g, "");
    else if (/^\d*,\d+$/.test(compact)) normalized = compact.replace(",", ".");
    else return null;
  } else if (/^\d+$/.test(compact)) {
    normalized = compact;
  } else {
    return null;
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number from a cell or a JSON document. Text with `%` keeps its percent figure
 * (`105,5%` → 105.5), since percentage indicators are kept in percent points.
 */
export function parseNumber(raw: unknown): Parsed<number> {
  if (isBlank(raw)) return MISSING;
  if (typeof raw === "number") return Number.isFinite(raw) ? { kind: "value", value: raw } : invalid(String(raw));
  if (typeof raw !== "string") return invalid(describeRaw(raw));
  const text = normalizeText(raw);
  const match = /^([+\-\u2212]?)\s*(.*?)\s*(%?)$/.exec(text);
  if (!match) return invalid(describeRaw(raw));
  const [, sign, body] = match;
  const value = parseDigits(body);
  if (value === null) return invalid(describeRaw(raw));
  return { kind: "value", value: sign === "-" || sign === "\u2212" ? -value : value };
}

/**
 * A number from a worksheet cell, where Excel has already read what was typed: text is never
 * a number there (the sheet's formulas show it as an input error), but text that reads as a
 * number is reported with the value to retype.
 */
export function parseCellNumber(raw: unknown): Parsed<number> {
  if (typeof raw !== "string" || isBlank(raw)) return parseNumber(raw);
  const asText = parseNumber(raw);
  return { kind: "invalid", found: describeRaw(raw), ...(asText.kind === "value" ? { textNumber: asText.value } : {}) };
}

/** Words for a milestone done / not done; the worksheet formulas are generated from these lists. */
export const DONE_WORDS: readonly string[] = ["đạt", "x", "true", "1", "có", "hoàn thành"];
export const NOT_DONE_WORDS: readonly string[] = ["không đạt", "false", "0", "không", "không hoàn thành"];
const DONE = new Set(DONE_WORDS);
const NOT_DONE = new Set(NOT_DONE_WORDS);

/** A milestone value: done (true) or not done (false). */
export function parseMilestone(raw: unknown): Parsed<boolean> {
  if (isBlank(raw)) return MISSING;
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw === "number") {
    if (raw === 1) return { kind: "value", value: true };
    if (raw === 0) return { kind: "value", value: false };
    return invalid(String(raw));
  }
  if (typeof raw !== "string") return invalid(describeRaw(raw));
  const key = textKey(raw);
  if (DONE.has(key)) return { kind: "value", value: true };
  if (NOT_DONE.has(key)) return { kind: "value", value: false };
  return invalid(describeRaw(raw));
}

/** A yes/no flag such as "Chủ yếu": `x`, true, 1, "có" → true; blank, false, 0 → false. */
export function parseFlag(raw: unknown): Parsed<boolean> {
  if (isBlank(raw)) return { kind: "value", value: false };
  return parseMilestone(raw);
}

/** The sheet's "Chủ yếu" column holds only `x` or nothing (its validation list and formulas). */
export function parseCellFlag(raw: unknown): Parsed<boolean> {
  if (isBlank(raw)) return { kind: "value", value: false };
  return typeof raw === "string" && textKey(raw) === "x" ? { kind: "value", value: true } : invalid(describeRaw(raw));
}

/** Words for yes and no; the worksheet formulas are generated from these lists. */
export const YES_WORDS: readonly string[] = ["có", "x", "true", "1"];
export const NO_WORDS: readonly string[] = ["không", "false", "0"];
const YES = new Set(YES_WORDS);
const NO = new Set(NO_WORDS);

/** A yes/no answer (the disqualifying conditions): "Có"/"Không", true/false, 1/0; blank is no. */
export function parseYesNo(raw: unknown): Parsed<boolean> {
  if (isBlank(raw)) return { kind: "value", value: false };
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  const key = typeof raw === "number" || typeof raw === "string" ? textKey(String(raw)) : "";
  if (YES.has(key)) return { kind: "value", value: true };
  if (NO.has(key)) return { kind: "value", value: false };
  return invalid(describeRaw(raw));
}
