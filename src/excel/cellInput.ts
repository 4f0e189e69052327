import type { CellContent, Scalar } from "../layout/types";

/**
 * What to write into `range.formulas` so a constant stays exactly what it is: Excel reads
 * written strings as if typed, so "1.1" would become a number and "=x" a formula; a leading
 * apostrophe keeps them as text. Null clears the cell.
 */
export function toCellInput(content: CellContent): string | number | boolean {
  if ("formula" in content) return content.formula;
  return constantInput(content.value);
}

export function constantInput(value: Scalar): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string" || value === "") return value;
  const plainText = /^\p{L}/u.test(value) && !/^(true|false)$/i.test(value);
  return plainText ? value : `'${value}`;
}
