import {
  evaluate,
  normalizeText,
  type Evaluation,
  type IndicatorInput,
  type RuleSet,
} from "../../domain";
import type { TableGrid } from "../grid";
import { cellAddress, columnLetter, parseCell } from "../addresses";
import type { ColumnLetters } from "../formulas";
import { problem, type Problem } from "../problems";
import { COMPUTED_COLUMNS, NAMES, REQUIRED_COLUMNS, TABLES, UNIT_COLUMNS, type UnitColumnKey } from "../schema";
import { parseLevelCell } from "./levelCell";
import { columnsByHeader } from "../headers";
import { sheetMsg } from "../../domain/messages/sheet";
import { summaryInputs, type NamedLookup } from "./readSummary";
import { typedBelowTable } from "../rowsBelow";
import { fromPercentCell, isPercentUnit } from "../percentRows";

/**
 * Reading a unit table back into the engine's model, shared by the Office.js adapter and the
 * .xlsx reader. Columns are found by header text (NFC, trimmed, case-insensitive), so moved
 * and extra columns are fine; missing ones are reported by name.
 */


export interface ReadRow {
  /** 1-based sheet row. */
  readonly sheetRow: number;
  readonly input: IndicatorInput;
}

export interface UnitTableRead {
  /** Column letters on the sheet, when every column the formulas use is present. */
  readonly letters: ColumnLetters | null;
  readonly rows: readonly ReadRow[];
  readonly firstRow: number;
  readonly lastRow: number;
  /** Computed cells where a person typed over the formula. */
  readonly overwritten: readonly string[];
  readonly problems: readonly Problem[];
}

/** Columns that hold text: a formula typed there is a mistake, not a calculation. */
const TEXT_COLUMNS: readonly UnitColumnKey[] = ["code", "group", "name", "unit", "direction", "key"];
/** Inputs that make a row an indicator (the sheet's formulas use the same list). */
const ROW_INPUTS: readonly UnitColumnKey[] = ["code", "direction", "key", "weight", "target", "actual"];

/** Columns a sheet made by an earlier version may lack (the formulas then leave them out). */
const OPTIONAL_COLUMNS: readonly UnitColumnKey[] = ["late", "due", "done", "score"];

const HEADERS = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.key, c.header])) as Record<UnitColumnKey, string>;

const isFormula = (formula: unknown, value: unknown) =>
  typeof formula === "string" && formula.startsWith("=") && formula !== value;
const isEmpty = (value: unknown) => value === "" || value === null || value === undefined;


export function readUnitTable(grid: TableGrid): UnitTableRead {
  const origin = parseCell(grid.origin);
  const firstRow = origin.row + 2;
  const lastRow = origin.row + Math.max(1, grid.values.length - 1) + 1;
  const columns = columnsByHeader(grid.values[0] ?? [], UNIT_COLUMNS);
  const address = (bodyIndex: number, key: UnitColumnKey) =>
    cellAddress(origin.row + 1 + bodyIndex, origin.column + (columns[key] as number));
  const problems: Problem[] = UNIT_COLUMNS.filter((c) => columns[c.key] === undefined && REQUIRED_COLUMNS.includes(c.key)).map((c) =>
    problem(grid.sheet, null, sheetMsg.missingColumn.of(TABLES.unit, c.header)),
  );
  if (problems.length > 0) return { letters: null, rows: [], firstRow, lastRow, overwritten: [], problems };

  // An optional column missing from the sheet has no letter: the formulas then leave it out.
  const letters = Object.fromEntries(
    UNIT_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c.key) || columns[c.key] !== undefined).map((c) => [c.key, columnLetter(origin.column + (columns[c.key] ?? 0))]),
  ) as unknown as ColumnLetters;
  const rows: ReadRow[] = [];
  const overwritten: string[] = [];
  const inputColumns = ROW_INPUTS.map((key) => columns[key]).filter((c): c is number => c !== undefined);
  problems.push(...typedBelowTable(grid.sheet, origin, grid.values.length, grid.below ?? [], inputColumns));
  grid.values.slice(1).forEach((values, i) => {
    const formulas = grid.formulas[i + 1] ?? [];
    const at = (key: UnitColumnKey) => values[columns[key] as number];
    for (const key of COMPUTED_COLUMNS) {
      const index = columns[key] as number;
      const empty = ROW_INPUTS.every((k) => isEmpty(at(k)));
      if (!isFormula(formulas[index], values[index]) && !(empty && isEmpty(values[index]))) overwritten.push(address(i, key));
    }
    for (const key of TEXT_COLUMNS) {
      const index = columns[key];
      if (index !== undefined && isFormula(formulas[index], values[index])) {
        problems.push(
          problem(grid.sheet, address(i, key), sheetMsg.formulaInTextCell.of(HEADERS[key], String(formulas[index]))),
        );
      }
    }
    if (ROW_INPUTS.every((k) => isEmpty(at(k)))) return;
    const text = (key: UnitColumnKey) => (typeof at(key) === "string" ? normalizeText(at(key) as string) : String(at(key) ?? ""));
    rows.push({
      sheetRow: origin.row + 2 + i,
      input: {
        code: text("code"),
        group: text("group"),
        name: text("name"),
        unit: text("unit"),
        direction: at("direction"),
        key: at("key"),
        weight: at("weight"),
        ...(isPercentUnit(at("unit")) ? { target: fromPercentCell(at("target")), actual: fromPercentCell(at("actual")) } : { target: at("target"), actual: at("actual") }),
        late: at("late"),
        ...(columns.due === undefined ? {} : { due: at("due") }),
        ...(columns.done === undefined ? {} : { done: at("done") }),
        ...(columns.score === undefined ? {} : { score: at("score") }),
      },
    });
  });
  return { letters, rows, firstRow, lastRow, overwritten, problems };
}

const FIELD_COLUMNS: Readonly<Record<string, UnitColumnKey>> = {
  code: "code",
  direction: "direction",
  key: "key",
  weight: "weight",
  target: "target",
  actual: "actual",
  late: "late",
  due: "due",
  done: "done",
  score: "score",
};

/** Evaluate what was read, with every input error tied to its sheet cell. */
export function evaluateUnitTable(
  read: UnitTableRead,
  sheet: string,
  rules: RuleSet,
  named: NamedLookup,
): { evaluation: Evaluation; problems: Problem[] } {
  const inputs = summaryInputs(named);
  const evaluation = evaluate({
    source: "sheet",
    preset: rules.preset,
    rules,
    commonScore: inputs.commonScore,
    disqualifying: inputs.disqualifying,
    excellence: inputs.excellence,
    indicators: read.rows.map((r) => r.input),
    // The cap of the optional task rule, as the unit sheet's task block computes it (absent: none).
    taskCap: parseLevelCell(named(NAMES.taskCap)?.value).level,
  });
  const problems = evaluation.errors.map((error) => {
    if (error.index === null) {
      const cell = inputs.cells[error.field];
      return problem(cell?.sheet ?? sheet, cell?.address ?? null, error);
    }
    const row = read.rows[error.index].sheetRow;
    const column = read.letters?.[FIELD_COLUMNS[error.field] ?? "code"] ?? "A";
    const what = sheetMsg.indicatorColumn.of(error.code ?? "", HEADERS[FIELD_COLUMNS[error.field] ?? "code"]);
    return problem(sheet, `${column}${row}`, sheetMsg.placed.of(what, error));
  });
  // A disqualified unit or head is "incomplete" whatever the points: a final level above it is
  // refused at its cell, as a final level above its cap is (docs/rules.md §3).
  const final = named(NAMES.finalLevel);
  const finalLevel = parseLevelCell(final?.value).level;
  const disqualified = evaluation.summary.disqualified;
  if (final && finalLevel !== null && finalLevel !== "incomplete" && disqualified.length > 0) {
    problems.push(problem(final.sheet, final.address, sheetMsg.disqualifiedFinal.of(finalLevel, disqualified)));
  }
  return { evaluation, problems };
}

export type { TableGrid };
