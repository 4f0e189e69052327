/**
 * Rounding identical to Excel's and LibreOffice's ROUND(x, digits): half away from zero,
 * after taking the value to 15 significant digits as both engines do, so that
 * 1.00005 (stored as 1.000049999…) rounds up in the code exactly as in the worksheet.
 */
export function roundHalfAway(value: number, digits: number): number {
  // From 2^52 up every double is a whole number: nothing to round (scaling could overflow to Infinity).
  if (!Number.isFinite(value) || value === 0 || Math.abs(value) >= 2 ** 52) return value;
  const scale = 10 ** digits;
  let scaled = Math.abs(value) * scale;
  // Only a value within noise of a half can round differently at 15 digits (toPrecision is slow).
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
  const rounded = Math.floor(scaled + 0.5) / scale;
  return value < 0 ? -rounded : rounded;
}

/** Achievement ratios and shares are compared after rounding to 4 decimals (docs/rules.md §1). */
export const COMPARE_DIGITS = 4;

export function round4(value: number): number {
  return roundHalfAway(value, COMPARE_DIGITS);
}
