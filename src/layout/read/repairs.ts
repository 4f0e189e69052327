import type { Evaluation, Group } from "../../domain";
import { columnIndex, parseCell } from "../addresses";
import { achievementFormula, bodyRanges, statusFormula, summaryFormulas, TASK_CAPPED_LINES } from "../formulas";
import { problem, type Problem } from "../problems";
import type { TableGrid, UnitTableRead } from "./readUnitTable";
import { COMPUTED_COLUMNS, NAMES } from "../schema";
import { sheetMsg } from "../../domain/messages/sheet";
import { verbatim } from "../../domain/messages/localize";
import { placeFormula, unitPlace, type UnitPlace } from "../units";
import { cappedFor } from "../tasks";

/**
 * What the add-in must write to keep a unit sheet's computed cells right: formulas missing
 * from new rows, summary formulas whose ranges no longer cover the table, and (only when the
 * user asks) formulas a person typed over. `null` entries leave a cell untouched.
 */
export interface ColumnWrite {
  /** Top cell of the column's body, e.g. "J8". */
  readonly at: string;
  readonly formulas: readonly (string | null)[];
}

export interface CellWrite {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
}

export interface RepairPlan {
  readonly columns: readonly ColumnWrite[];
  readonly cells: readonly CellWrite[];
  readonly problems: readonly Problem[];
}

export function isEmptyPlan(plan: RepairPlan): boolean {
  return plan.columns.length === 0 && plan.cells.length === 0;
}

const isFormulaText = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

export function planRepairs(
  grid: TableGrid,
  read: UnitTableRead,
  named: ReadonlyMap<string, { sheet: string; address: string; formula: unknown }>,
  restoreOverwritten: boolean,
  place: UnitPlace = unitPlace(1),
): RepairPlan {
  const letters = read.letters;
  if (letters === null) return { columns: [], cells: [], problems: [] };
  const overwritten = new Set(read.overwritten);
  const columns: ColumnWrite[] = [];
  for (const key of COMPUTED_COLUMNS) {
    const column = letters[key];
    const index = columnIndex(column) - parseCell(grid.origin).column;
    const formulas = grid.formulas.slice(1).map((row, i) => {
      const sheetRow = read.firstRow + i;
      const expected =
        key === "achievement" ? achievementFormula(letters, sheetRow, read.firstRow) : statusFormula(letters, sheetRow, read.firstRow, read.lastRow);
      const current = row[index];
      if (current === expected) return null;
      if (overwritten.has(`${column}${sheetRow}`) && !restoreOverwritten) return null;
      return expected;
    });
    if (formulas.some((f) => f !== null)) columns.push({ at: `${column}${read.firstRow}`, formulas });
  }
  return { columns, ...summaryRepairs(grid.sheet, read, named, restoreOverwritten, place) };
}

/**
 * The summary cells' part of planRepairs: formulas to rewrite and summary cells deleted or typed
 * over. Alone for readers that only report (reading a file back), without building every row's
 * expected formulas.
 */
export function summaryRepairs(
  sheet: string,
  read: UnitTableRead,
  named: Pick<ReadonlyMap<string, { sheet: string; address: string; formula: unknown }>, "get">,
  restoreOverwritten: boolean,
  place: UnitPlace = unitPlace(1),
): { cells: CellWrite[]; problems: Problem[] } {
  const letters = read.letters;
  if (letters === null) return { cells: [], problems: [] };
  const expected = summaryFormulas(bodyRanges(letters, read.firstRow, read.lastRow));
  const cells: CellWrite[] = [];
  const problems: Problem[] = [];
  const count = named.get(NAMES.count);
  for (const [name, unitOneFormula] of Object.entries(expected)) {
    const formula = placeFormula(unitOneFormula, place);
    // Beside a task register the levels are bounded by the unit's task cap (issue 9 §3): that form is right too.
    const capped = count && TASK_CAPPED_LINES.includes(name) ? cappedFor(unitOneFormula, count.address, place) : null;
    const current = named.get(name);
    if (!current) {
      problems.push(problem(sheet, null, sheetMsg.summaryCellDeleted.of(name)));
    } else if (!isFormulaText(current.formula) || (current.formula !== formula && current.formula !== capped)) {
      if (isFormulaText(current.formula) || current.formula === "" || restoreOverwritten) {
        cells.push({ sheet: current.sheet, address: current.address, formula });
      } else {
        problems.push(problem(current.sheet, current.address, sheetMsg.summaryOverwritten.of(name), "warning"));
      }
    }
  }
  return { cells, problems };
}

/** Indicators met per group, for the evaluation view: a group's name as data (a group without one is "Nhóm 3" in the pane's language). */
export function groupProgress(read: UnitTableRead, evaluation: Evaluation, groups: readonly Group[]) {
  const names = new Map(groups.map((g) => [g.code, g.name]));
  const order: string[] = [];
  const tally = new Map<string, { met: number; evaluated: number; total: number }>();
  read.rows.forEach((row, i) => {
    const code = row.input.group || "?";
    if (!tally.has(code)) {
      order.push(code);
      tally.set(code, { met: 0, evaluated: 0, total: 0 });
    }
    const t = tally.get(code) as { met: number; evaluated: number; total: number };
    const status = evaluation.indicators[i]?.status;
    t.total += 1;
    if (status === "met" || status === "exceeded") t.met += 1;
    if (status === "met" || status === "exceeded" || status === "notMet") t.evaluated += 1;
  });
  return order.map((code) => {
    const name = names.get(code);
    return { code, name: name ? verbatim(name) : sheetMsg.groupName.of(code), ...(tally.get(code) as { met: number; evaluated: number; total: number }) };
  });
}

