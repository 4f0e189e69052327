import { roundHalfAway } from "./rounding";

/**
 * Vietnamese number style for messages and printed text: 2.100, 6,5 and 105,25 %, whatever
 * the computer's regional settings. Digits come from integer arithmetic on the value rounded
 * half away from zero, as the sheet rounds, never from toFixed (which rounds the binary value).
 */

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export function formatNumber(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  const units = Math.round(Math.abs(roundHalfAway(value, decimals)) * scale);
  const intPart = String(Math.floor(units / scale));
  const fracPart = decimals > 0 ? String(units % scale).padStart(decimals, "0") : "";
  const sign = value < 0 && units !== 0 ? "-" : "";
  return sign + groupThousands(intPart) + (fracPart ? `,${fracPart}` : "");
}

/** Counts and plain values: up to 2 decimals, trailing zeros dropped (2.100; 6,5). */
export function formatCount(value: number): string {
  const text = formatNumber(value, 2);
  return text.includes(",") ? text.replace(/,?0+$/, "") : text;
}

/** Decimals of a percentage: the ratio is compared at 4 decimals, so it is shown with 2 (docs/rules.md §1). */
export const PERCENT_DECIMALS = 2;

/** A ratio as a percentage with two decimals: 1.0525 → "105,25 %". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100, PERCENT_DECIMALS)} %`;
}

export function formatPoints(points: number): string {
  return formatCount(points);
}
