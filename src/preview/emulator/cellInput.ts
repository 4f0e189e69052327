import { Scalar } from "./cellStore";

/** What a typed entry turns into; `percentFormat` asks to apply "0%" like Excel does for "12%". */
export interface ParsedInput {
  value: Scalar | null;
  formula: string | null;
  percentFormat?: boolean;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/;

/**
 * Interprets an entry the way Excel does when a user types it (and when Range.values is set):
 * "=..." is a formula, "'..." is literal text, numeric text becomes a number, and text starting
 * with + - @ that is not a number is taken as a formula. In a text-formatted ("@") cell everything
 * else stays text.
 */
export function parseTypedInput(input: Scalar | null, numberFormat: string): ParsedInput {
  if (input === null || input === "") return { value: null, formula: null };
  if (typeof input !== "string") return { value: input, formula: null };
  // Excel takes a leading apostrophe as the text marker whatever the cell's format.
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (numberFormat === "@") return { value: input, formula: null };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed), formula: null };
  if (GROUPED.test(trimmed)) return { value: Number(trimmed.replace(/,/g, "")), formula: null };
  const percent = PERCENT.exec(trimmed);
  if (percent) return { value: Number(percent[1]) / 100, formula: null, percentFormat: true };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true", formula: null };
  if (input.startsWith("+") || input.startsWith("-")) return { value: null, formula: `=${input}` };
  if (input.startsWith("@")) return { value: null, formula: `=${input.slice(1)}` };
  return { value: input, formula: null };
}
