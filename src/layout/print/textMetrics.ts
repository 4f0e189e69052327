/**
 * How tall a wrapped cell prints, so that row heights can be written with the sheet instead of
 * left to a viewer's autofit (which never fits merged cells and differs between Excel and
 * LibreOffice). Widths are Times New Roman's advance widths in 1/1000 em (Liberation Serif has the
 * same metrics); Vietnamese letters take the width of their base letter.
 */

/** Times Roman advance widths; characters not listed count as "m"-wide digits' worst case. */
const WIDTHS: Readonly<Record<string, number>> = {
  " ": 250, a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889, N: 722,
  O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  ".": 250, ",": 250, "-": 333, "–": 500, "%": 833, "(": 333, ")": 333, "/": 278, ":": 278, "*": 500, ";": 278,
};
const DIGIT = 500;
const UNKNOWN = 778;
/** Bold Times is up to ~10 % wider than regular. */
const BOLD_FACTOR = 1.1;

/**
 * Points per unit of an .xlsx column width at the narrowest conversion in use (Excel: 7 px of
 * Calibri 11 at 96 dpi), so that text wrapped by the estimate never needs more room on paper.
 */
export const POINTS_PER_WIDTH_UNIT = 5.25;

/** Width in points of the columns from `from` to `to` (both included) of a printed table. */
export function spanPoints<K>(columns: readonly { key: K; width: number }[], from: K, to: K = from): number {
  const a = columns.findIndex((c) => c.key === from);
  const b = columns.findIndex((c) => c.key === to);
  return columns.slice(a, b + 1).reduce((sum, c) => sum + c.width, 0) * POINTS_PER_WIDTH_UNIT;
}
/** Cell padding left and right, in points. */
const CELL_PADDING = 6;
/** A printed line's pitch: PDF text boxes of Liberation Serif are 1.3 em tall. */
export const LINE_HEIGHT_EM = 1.3;

/** Widths by character, each decomposed once: `chitieu assign` sizes the rows of hundreds of printed tables. */
const CHAR_WIDTHS = new Map<string, number>();

function charWidth(ch: string): number {
  let width = CHAR_WIDTHS.get(ch);
  if (width === undefined) {
    const base = ch === "đ" ? "d" : ch === "Đ" ? "D" : ch.normalize("NFD")[0];
    width = ch >= "0" && ch <= "9" ? DIGIT : (WIDTHS[base] ?? UNKNOWN);
    CHAR_WIDTHS.set(ch, width);
  }
  return width;
}

/** Printed width of a text in points. */
export function textWidth(text: string, size: number, bold = false): number {
  const em = [...text].reduce((sum, ch) => sum + charWidth(ch), 0) / 1000;
  return em * size * (bold ? BOLD_FACTOR : 1);
}

/** Lines a wrapped cell of `widthPt` needs: words go to the next line when they do not fit. */
export function wrappedLines(text: string, widthPt: number, size: number, bold = false): number {
  const room = widthPt - CELL_PADDING;
  return text.split("\n").reduce((total, paragraph) => {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      const width = textWidth(word, size, bold);
      const withSpace = used === 0 ? width : used + textWidth(" ", size, bold) + width;
      if (withSpace <= room || used === 0) used = withSpace;
      else {
        lines++;
        used = width;
      }
      // A word wider than the cell is cut over several lines.
      while (used > room) {
        lines++;
        used -= room;
      }
    }
    return total + lines;
  }, 0);
}

/** Height in points of a row whose tallest cell holds `lines` lines of `size`-point text. */
export function rowHeight(lines: number, size: number): number {
  return Math.ceil(lines * size * LINE_HEIGHT_EM + 4);
}
