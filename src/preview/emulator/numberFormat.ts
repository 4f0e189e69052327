import { ComputedValue, ExcelErrorValue } from "./cellStore";

/** Excel rounds half away from zero; the exponent trick avoids binary artefacts such as 1.005 → 1.00. */
function roundHalfAway(n: number, digits: number): number {
  const abs = Math.abs(n);
  const rounded = Number(`${Math.round(Number(`${abs}e${digits}`))}e-${digits}`);
  return n < 0 ? -rounded : rounded;
}

function withGrouping(fixed: string): string {
  const [int, frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** General shows up to ~11 significant digits and drops trailing zeros. */
function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return n.toExponential(5).replace(/\.?0+e/, "E").replace("e", "E");
  return String(Number(n.toPrecision(10)));
}

/** Numeric patterns of the form [#,##]0[.00…##…][%]: 0 is a digit always shown, # one shown when not zero. */
const NUMERIC_PATTERN = /^(#,##)?0(\.(0*)(#*))?(%)?$/;

function formatNumber(n: number, format: string): string {
  const m = NUMERIC_PATTERN.exec(format);
  if (!m) return formatGeneral(n);
  const required = m[3]?.length ?? 0;
  const decimals = required + (m[4]?.length ?? 0);
  const scaled = m[5] ? n * 100 : n;
  const rounded = roundHalfAway(scaled, decimals);
  let abs = Math.abs(rounded).toFixed(decimals);
  // Optional places drop their trailing zeros; the point stays even with none left ("0.##" shows 2 as "2.").
  if (decimals > required) abs = abs.replace(new RegExp(`(\\.\\d{${required}}\\d*?)0+$`), "$1");
  const body = m[1] ? withGrouping(abs) : abs;
  const sign = rounded < 0 ? "-" : "";
  return `${sign}${body}${m[5] ? "%" : ""}`;
}

/** Range.text: the displayed string for a computed value under a number format (en-US separators). */
export function formatDisplay(value: ComputedValue, numberFormat: string): string {
  if (value === null) return "";
  if (value instanceof ExcelErrorValue) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (numberFormat === "@") return formatGeneral(value);
  return formatNumber(value, numberFormat === "General" ? "" : numberFormat);
}
