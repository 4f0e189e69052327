/**
 * Worksheet formulas that write a number as Vietnamese text (2.100; 1.234.567,25; 105,25 %)
 * whatever the computer's regional settings. TEXT() and FIXED() follow the locale, so the text is
 * built by arithmetic: a rounded integer count of hundredths, split into groups of three digits.
 * Integers alone are turned into text with `&""`, which has no separator in any locale. The
 * remainder is a-b*INT(a/b), not MOD, which fails on large quotients in older Excel versions.
 * Excel 2010 functions only, nothing volatile; `x` is an expression and is repeated (no LET).
 */

/** Digit groups handled: up to 10^15, beyond the 15 significant digits a worksheet keeps. */
const GROUPS = 5;

const remainder = (a: string, b: number) => `(${a}-${b}*INT(${a}/${b}))`;

/** The non-negative integer `n` (below 1000^groups) with its thousands separated by ".". */
function groupedInteger(n: string, groups = GROUPS): string {
  const above = (k: number) => `INT(${n}/${1000 ** k})`;
  const padded = (k: number) => `RIGHT(1000+${remainder(above(k), 1000)},3)`;
  // From the top group present down: "1" & ".234" & ".567".
  const withGroups = (top: number) =>
    [`${above(top)}&""`, ...Array.from({ length: top }, (_, i) => `"."&${padded(top - 1 - i)}`)].join("&");
  let text = `${n}&""`;
  for (let top = 1; top < groups; top++) text = `IF(${n}<${1000 ** top},${text},${withGroups(top)})`;
  return text;
}

/**
 * `x` (a number) with thousands "." and up to `decimals` decimals after ",", rounded half away
 * from zero; trailing zeros are dropped (2100 → "2.100", 6.5 → "6,5", -1.2 → "-1,2"). `groups`:
 * how many groups of three digits the integer part can have (fewer make a much shorter formula,
 * e.g. 1 for points, below 1000).
 */
export function vnNumberFormula(x: string, decimals: number, groups = GROUPS): string {
  const scale = 10 ** decimals;
  const units = `ROUND(ABS(${x})*${scale},0)`;
  const whole = `INT(${units}/${scale})`;
  const fraction = remainder(units, scale);
  const sign = `IF(AND(${x}<0,${units}>0),"-","")`;
  if (decimals === 0) return `${sign}&${groupedInteger(whole, groups)}`;
  // The fraction's digits with trailing zeros dropped: the longest prefix whose rest is all zeros.
  let digits = `RIGHT(${scale}+${fraction},${decimals})`;
  for (let kept = decimals - 1; kept >= 1; kept--) {
    digits = `IF(${remainder(fraction, 10 ** (decimals - kept))}=0,LEFT(RIGHT(${scale}+${fraction},${decimals}),${kept}),${digits})`;
  }
  return `${sign}&${groupedInteger(whole, groups)}&IF(${fraction}=0,"",","&${digits})`;
}

/**
 * A ratio as a percentage with exactly 2 decimals (1.0525 → "105,25 %"). The ratio is first
 * rounded to 4 decimals by ROUND, which both engines do on the decimal value (0.99995 → 1).
 */
export function vnPercentFormula(x: string): string {
  const hundredths = `ROUND(ROUND(ABS(${x}),4)*10000,0)`;
  const sign = `IF(AND(${x}<0,${hundredths}>0),"-","")`;
  return `${sign}&${groupedInteger(`INT(${hundredths}/100)`)}&","&RIGHT(100+${remainder(hundredths, 100)},2)&" %"`;
}
