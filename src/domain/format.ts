/** Vietnamese number style for messages and printed text: 2.100 and 105,0%. */

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export function formatNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart, fracPart] = fixed.split(".");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return sign + groupThousands(intPart) + (fracPart ? `,${fracPart}` : "");
}

/** Counts and plain values: up to 2 decimals, trailing zeros dropped (2.100; 6,5). */
export function formatCount(value: number): string {
  const text = formatNumber(value, 2);
  return text.includes(",") ? text.replace(/,?0+$/, "") : text;
}

/** A ratio as a percentage with one decimal: 1.05 → "105,0%". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100, 1)}%`;
}

export function formatPoints(points: number): string {
  return formatCount(points);
}
