import { render, type Message } from "../domain/messages/localize";
import { limitMsg } from "../domain/messages/excelLimits";
import { cellAddress, parseCell } from "./addresses";
import { formulaShifter } from "./shiftFormula";
import type { Block, CellContent, WorkbookLayout } from "./types";

/**
 * Excel's limits that text from the user's files can break once the layout puts it in a cell or a
 * formula (an indicator code is quoted in the print sheet's lookups, several times per formula):
 * a file that breaks them opens only after Excel "repairs" it, losing the cell. Checked on the
 * whole layout before anything is written, by every writer.
 */
export const EXCEL_LIMITS = {
  /** Characters in one cell. */
  cellText: 32_767,
  /** Characters of a formula's contents. */
  formula: 8_192,
  /** Characters of one text literal ("…") inside a formula. */
  formulaText: 255,
} as const;

/**
 * The text literals of a formula ("a ""b""" is a "b"), in order; 'sheet names' are skipped. Read
 * by slices between quotes: every formula of a layout passes here, hundreds of thousands of them
 * in a large task register.
 */
export function formulaLiterals(formula: string): string[] {
  const found: string[] = [];
  const quotes = /["']/g;
  for (let m = quotes.exec(formula); m !== null; m = quotes.exec(formula)) {
    const quote = m[0];
    let text = "";
    let j = m.index + 1;
    for (;;) {
      const close = formula.indexOf(quote, j);
      if (close < 0) {
        text += formula.slice(j);
        j = formula.length;
        break;
      }
      text += formula.slice(j, close);
      if (formula[close + 1] !== quote) {
        j = close;
        break;
      }
      text += quote;
      j = close + 2;
    }
    if (quote === '"') found.push(text);
    quotes.lastIndex = j + 1;
  }
  return found;
}

/** The start of a long text, for a message (the whole of it may be thousands of characters). */
const excerpt = (text: string) => (Array.from(text).length > 40 ? `${Array.from(text).slice(0, 40).join("")}…` : text);

/**
 * The rows of a block to check: a formula run's first and last (shifting it down changes only its
 * row numbers, so its text is the first row's and its longest formulas are the last row's).
 */
function* checkedRows(block: Block): Generator<[number, readonly CellContent[]]> {
  const run = block.run;
  if (run === undefined) {
    yield* block.cells.entries();
    return;
  }
  yield [0, run.formulas.map((formula) => ({ formula }))];
  if (run.rows > 1) yield [run.rows - 1, run.formulas.map((formula) => ({ formula: formulaShifter(formula)(run.rows - 1, 0) }))];
}

/**
 * Formulas known to fit, by their text: the unit files `chitieu assign` writes hold the same
 * lookups in every unit's own sheet, checked once here. Emptied when full.
 */
const FITTING = new Set<string>();
const KEPT_FITTING = 4_096;

/** The first cell of the layout whose text or formula Excel cannot hold, as a message naming it; null when all fit. */
export function excelLimitProblem(layout: WorkbookLayout): Message | null {
  for (const sheet of layout.sheets) {
    for (const block of sheet.blocks) {
      const start = parseCell(block.at);
      for (const [r, row] of checkedRows(block)) {
        for (const [c, content] of row.entries()) {
          const where = () => `${sheet.name}!${cellAddress(start.row + r, start.column + c)}`;
          if ("formula" in content) {
            if (FITTING.has(content.formula)) continue;
            const literals = formulaLiterals(content.formula);
            const long = literals.find((text) => text.length > EXCEL_LIMITS.formulaText);
            if (long !== undefined) return limitMsg.formulaText.of(where(), excerpt(long), long.length, EXCEL_LIMITS.formulaText);
            const length = content.formula.length - (content.formula.startsWith("=") ? 1 : 0);
            if (length > EXCEL_LIMITS.formula) {
              const longest = literals.reduce((a, b) => (b.length > a.length ? b : a), "");
              return limitMsg.formula.of(where(), length, excerpt(longest), EXCEL_LIMITS.formula);
            }
            if (FITTING.size >= KEPT_FITTING) FITTING.clear();
            FITTING.add(content.formula);
          } else if (typeof content.value === "string" && content.value.length > EXCEL_LIMITS.cellText) {
            return limitMsg.cellText.of(where(), content.value.length, EXCEL_LIMITS.cellText);
          }
        }
      }
    }
  }
  return null;
}

/** A layout that breaks one of Excel's limits: nothing is written. */
export class ExcelLimitExceeded extends Error {
  /** The message as data (`message` is its Vietnamese text), for the CLI's language. */
  constructor(readonly said: Message) {
    super(render(said, "vi"));
  }
}

/** Throws ExcelLimitExceeded, naming the cell, when Excel could not open the layout without repair. */
export function assertExcelLimits(layout: WorkbookLayout): void {
  const problem = excelLimitProblem(layout);
  if (problem !== null) throw new ExcelLimitExceeded(problem);
}
