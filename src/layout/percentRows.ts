import { normalizeText } from "../domain";
import type { Scalar } from "./types";

/**
 * Rows whose unit is "%" (docs/rules.md §2): a person types 85 or 85 % for the same thing, and Excel
 * stores 85 % as 0,85. Their target and actual cells carry a percent number format, so that Excel's
 * own percent entry stores both as 0,85; the workbook writes a document's 80 as 0,8 and the reader
 * gives back 80, so the sheet, the engine and every document see one scale.
 */
export function isPercentUnit(unit: unknown): boolean {
  return typeof unit === "string" && normalizeText(unit) === "%";
}

/** 15 significant digits, as a worksheet keeps them: 0,85 × 100 is 85, not 85,00000000000001. */
const kept = (x: number) => Number(x.toPrecision(15));

/** A document's value as the percent-formatted cell holds it (80 → 0,8); text and blanks as they are. */
export function toPercentCell(value: Scalar): Scalar {
  return typeof value === "number" ? kept(value / 100) : value;
}

/** A percent-formatted cell's number as documents and the engine take it (0,8 → 80). */
export function fromPercentCell(value: unknown): unknown {
  return typeof value === "number" ? kept(value * 100) : value;
}
