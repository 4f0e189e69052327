import { elapsedShare, parseDirection, progressOf, textKey, type Assessment, type ProgressRule } from "../../domain";
import { FOLLOW_UP_CADENCES, FOLLOW_UP_FIXED, FOLLOW_UP_ROWS, PERIOD_COLUMNS, PROGRESS_RULE_WORDS, type FollowUpCadence } from "../unit";
import { cellAddress } from "../addresses";
import { followUpMsg } from "../../domain/messages/followUp";
import { problem, type Problem } from "../problems";

import { fromPercentCell, isPercentUnit } from "../percentRows";
import type { ReadRow } from "./readUnitTable";

/** One indicator in one period: what was due by the date, the ratio and whether it is behind. */
export interface FollowUpIndicator {
  readonly code: string;
  /** What was typed for the period (a "%" row on the engine's scale, 85 for 85 %). */
  readonly actual: unknown;
  readonly expected: number | string | null;
  readonly achievement: number | null;
  readonly status: Assessment["status"];
  readonly behind: boolean;
}

/** A snapshot: the period's date and its indicators, for the periods where an actual was typed. */
export interface FollowUpPeriod {
  readonly asOf: string;
  readonly indicators: readonly FollowUpIndicator[];
}

/** What reading needs of the sheet: a cell's value and formula at a 0-based row and column. */
export type FollowUpCell = (row: number, column: number) => { readonly value: unknown; readonly formula: unknown };

/** The unit table row a follow-up row reads from: its code cell's formula says ('Chỉ tiêu'!$A8&""). */
const SOURCE_ROW = /!\$?[A-Z]{1,3}\$?(\d+)/;

/** An Excel serial day (1900 system) as yyyy-mm-dd, or null for anything else. */
function isoDate(serial: unknown): { iso: string; year: number; month: number } | null {
  if (typeof serial !== "number" || !Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { iso: d.toISOString().slice(0, 10), year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A snapshot as the pane shows it: also its column group (0–3 by quarter, 0–11 by month) and each row's rule. */
export interface FollowUpPeriodDetail extends FollowUpPeriod {
  readonly period: number;
  readonly indicators: readonly (FollowUpIndicator & { readonly rule: ProgressRule })[];
}

/**
 * The follow-up sheet evaluated by the engine from its inputs (the unit table's codes, directions and
 * targets; the sheet's rules, dates and actuals), never from its cached formula results, which a file
 * written outside Excel does not have.
 */
export function readFollowUp(cell: FollowUpCell, unitRows: readonly ReadRow[], year: number, sheet: string): { periods: FollowUpPeriod[]; problems: Problem[] } {
  const { periods, problems } = readFollowUpDetail(cell, unitRows, year, sheet);
  return { periods: periods.map((p) => ({ asOf: p.asOf, indicators: p.indicators.map(({ rule: _rule, ...i }) => i) })), problems };
}

/**
 * Whether the sheet keeps a column group per month or per quarter: its groups counted by their
 * first header ("Thực hiện") across the header row, so a sheet made before months were offered
 * reads as it always did.
 */
export function followUpCadence(cell: FollowUpCell): FollowUpCadence {
  const first = textKey(PERIOD_COLUMNS[0].header);
  const at = (period: number) => textKey(String(cell(FOLLOW_UP_ROWS.header - 1, FOLLOW_UP_FIXED.length + period * PERIOD_COLUMNS.length).value ?? ""));
  return at(FOLLOW_UP_CADENCES.quarter.length) === first ? "month" : "quarter";
}

/** `readFollowUp` with each snapshot's column group and each row's rule; `sheet` names the cells of its problems. */
export function readFollowUpDetail(cell: FollowUpCell, unitRows: readonly ReadRow[], year: number, sheet: string): { periods: FollowUpPeriodDetail[]; problems: Problem[] } {
  const bySheetRow = new Map(unitRows.map((r) => [r.sheetRow, r.input]));
  const rows: { input: ReadRow["input"]; rule: ProgressRule; row: number }[] = [];
  for (let row = FOLLOW_UP_ROWS.first - 1; ; row++) {
    const source = SOURCE_ROW.exec(String(cell(row, 0).formula ?? ""));
    if (!source) break;
    const input = bySheetRow.get(Number(source[1]));
    if (!input) continue;
    const ruleText = textKey(String(cell(row, 5).value ?? ""));
    rows.push({ input, row, rule: ruleText === textKey(PROGRESS_RULE_WORDS.asIs) ? "asIs" : "proRata" });
  }
  const fixed = FOLLOW_UP_FIXED.length;
  const problems: Problem[] = [];
  const periods = FOLLOW_UP_CADENCES[followUpCadence(cell)].flatMap((_, period) => {
    const column = fixed + period * PERIOD_COLUMNS.length;
    const dateCell = cell(FOLLOW_UP_ROWS.date - 1, column).value;
    const date = isoDate(dateCell);
    // A "%" row's cells hold 85 % as 0,85; the unit table's reader gives its target as 85 already.
    const actuals = rows.map((r) => (isPercentUnit(r.input.unit) ? fromPercentCell(cell(r.row, column).value) : cell(r.row, column).value));
    if (actuals.every(isBlank)) return [];
    if (date === null) {
      // Figures with no date they stand at are never judged against a guess: the cell is named.
      problems.push(problem(sheet, cellAddress(FOLLOW_UP_ROWS.date - 1, column), followUpMsg.badDate.of(String(dateCell ?? ""))));
      return [];
    }
    const share = elapsedShare(year, date);
    const indicators = rows.map((r, i) => {
      const direction = parseDirection(r.input.direction) ?? "increase";
      const p = progressOf(r.rule, direction, r.input.target, actuals[i], share, "sheet");
      return { code: r.input.code, actual: isBlank(actuals[i]) ? null : actuals[i], expected: p.expected ?? null, achievement: p.assessment.achievement, status: p.assessment.status, behind: p.behind, rule: r.rule };
    });
    return [{ period, asOf: date.iso, indicators }];
  });
  return { periods, problems };
}
