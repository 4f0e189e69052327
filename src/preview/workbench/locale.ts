// The regional setting the workbench emulates: how typed numbers are read and how values are shown.
// The emulator itself reads and writes en-US (Range.values and Range.text are locale-neutral in the
// API's sense); the grid translates at its edge, as Excel's own cell editor does.
import { parseTypedInput } from "../emulator/cellInput";

export type PreviewLocale = "vi-VN" | "en-US";

export const PREVIEW_LOCALES: readonly PreviewLocale[] = ["vi-VN", "en-US"];

interface Separators {
  readonly decimal: string;
  readonly group: string;
}

const SEPARATORS: Readonly<Record<PreviewLocale, Separators>> = {
  "vi-VN": { decimal: ",", group: "." },
  "en-US": { decimal: ".", group: "," },
};

const escape = (s: string) => s.replace(/[.]/g, "\\.");

/** Digits with optional groups of three, an optional decimal part, an optional percent sign. */
function numberPattern({ decimal, group }: Separators): RegExp {
  const d = escape(decimal);
  const g = escape(group);
  return new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d*))?(%?)$`);
}

const PATTERNS: Readonly<Record<PreviewLocale, RegExp>> = {
  "vi-VN": numberPattern(SEPARATORS["vi-VN"]),
  "en-US": numberPattern(SEPARATORS["en-US"]),
};

export interface LocaleNumber {
  readonly value: number;
  /** Typed with a percent sign: Excel stores value/100 and gives the cell a percent format. */
  readonly percent: boolean;
  /** The same entry as the emulator reads it (en-US), e.g. "1234.5" or "3.5%". */
  readonly canonical: string;
}

/** A typed number in the locale's style ("2.100", "3,5", "95%" in vi-VN), or null when it is not one. */
export function parseLocaleNumber(text: string, locale: PreviewLocale): LocaleNumber | null {
  const m = PATTERNS[locale].exec(text.trim());
  if (!m || (m[2] === undefined && !m[3])) return null;
  const canonical = `${m[1]}${(m[2] ?? "0").split(SEPARATORS[locale].group).join("")}${m[3] ? `.${m[3]}` : ""}`;
  const percent = m[4] === "%";
  return { value: Number(canonical) / (percent ? 100 : 1), percent, canonical: `${canonical}${m[4]}` };
}

/**
 * What the grid passes to typeValue for what the user typed: a number in the locale's style becomes
 * its en-US form; an entry the emulator would read as a number although the locale does not (vi-VN
 * "2.1", "1,234.5") is kept as text with Excel's apostrophe; formulas and other text pass unchanged.
 */
export function entryFor(text: string, locale: PreviewLocale): string {
  if (text.startsWith("=") || text.startsWith("'")) return text;
  const number = parseLocaleNumber(text, locale);
  if (number) return number.canonical;
  return typeof parseTypedInput(text, "General").value === "number" ? `'${text}` : text;
}

/** Swaps en-US separators for the locale's in a formatted number ("1,234.50%" → "1.234,50%"). */
function localizeDigits(text: string, locale: PreviewLocale): string {
  const { decimal, group } = SEPARATORS[locale];
  return text.replace(/[.,]/g, (ch) => (ch === "." ? decimal : group));
}

/** Range.text (en-US) as the grid shows it in the locale; only numbers change. */
export function displayText(text: string, value: unknown, locale: PreviewLocale): string {
  return typeof value === "number" ? localizeDigits(text, locale) : text;
}

/** A stored number as Excel's cell editor shows it: no grouping, the locale's decimal sign, percent cells ×100. */
export function editText(value: number, numberFormat: string, locale: PreviewLocale): string {
  const percent = numberFormat.endsWith("%");
  const shown = percent ? Number((value * 100).toPrecision(15)) : value;
  return `${localizeDigits(String(shown), locale)}${percent ? "%" : ""}`;
}
