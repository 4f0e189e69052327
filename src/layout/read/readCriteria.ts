import { scoreCommonCriteria, type CommonCriteriaResult, type CriterionInput } from "../../domain";
import { cellAddress, parseCell } from "../addresses";
import { columnsByHeader } from "../headers";
import { problem, type Problem } from "../problems";
import { sheetMsg } from "../../domain/messages/sheet";
import type { TableGrid } from "./readUnitTable";
import { CRITERIA_COLUMNS, TABLES, type CriteriaColumnKey } from "../schema";

/**
 * Reading the common-criteria table back, shared by the Office.js adapter and the .xlsx reader.
 * Columns are found by header text (NFC, trimmed, case-insensitive); TT and Tiêu chí only name
 * a row in messages, the maxima and the three score columns are required.
 */

export interface CriterionRead {
  /** 1-based sheet row. */
  readonly sheetRow: number;
  readonly input: CriterionInput;
}

export interface CriteriaTableRead {
  readonly rows: readonly CriterionRead[];
  /** Sheet cell of each column's header (problems of a whole column point there). */
  readonly headerCells: Readonly<Partial<Record<CriteriaColumnKey, string>>>;
  readonly problems: readonly Problem[];
}

const REQUIRED: readonly CriteriaColumnKey[] = ["maxPoints", "self", "superior", "competent"];
const HEADERS = Object.fromEntries(CRITERIA_COLUMNS.map((c) => [c.key, c.header])) as Record<CriteriaColumnKey, string>;

export function readCriteriaTable(grid: TableGrid): CriteriaTableRead {
  const origin = parseCell(grid.origin);
  const columns = columnsByHeader(grid.values[0] ?? [], CRITERIA_COLUMNS);
  const headerCells = Object.fromEntries(
    CRITERIA_COLUMNS.filter((c) => columns[c.key] !== undefined).map((c) => [c.key, cellAddress(origin.row, origin.column + (columns[c.key] as number))]),
  );
  const problems = REQUIRED.filter((key) => columns[key] === undefined).map((key) => problem(grid.sheet, null, sheetMsg.criteriaMissingColumn.of(TABLES.criteria, HEADERS[key])));
  if (problems.length > 0) return { rows: [], headerCells, problems };
  const rows = grid.values.slice(1).map((values, i) => {
    const at = (key: CriteriaColumnKey) => (columns[key] === undefined ? null : values[columns[key] as number]);
    return {
      sheetRow: origin.row + 2 + i,
      input: {
        code: at("code"),
        text: at("text"),
        maxPoints: at("maxPoints"),
        self: at("self"),
        superior: at("superior"),
        competent: at("competent"),
      },
    };
  });
  return { rows, headerCells, problems };
}

/** Score what was read, with every error tied to its sheet cell. */
export function scoreCriteriaTable(
  read: CriteriaTableRead,
  sheet: string,
  commonMaxPoints: number,
): { result: CommonCriteriaResult; problems: Problem[] } {
  const result = scoreCommonCriteria(
    read.rows.map((r) => r.input),
    commonMaxPoints,
  );
  // Without its columns the table scores as empty: the missing columns are the whole story.
  if (read.problems.length > 0) return { result, problems: [...read.problems] };
  const column = (key: CriteriaColumnKey) => parseCell(read.headerCells[key] as string).column;
  const problems = result.errors.map((error) => {
    if (error.index === null) return problem(sheet, read.headerCells[error.field] ?? null, error);
    const row = read.rows[error.index];
    const code = String(row.input.code ?? "").trim();
    const name = code !== "" ? code : sheetMsg.criterionAtRow.of(row.sheetRow);
    const where = sheetMsg.criterionColumn.of(name, HEADERS[error.field]);
    return problem(sheet, cellAddress(row.sheetRow - 1, column(error.field)), sheetMsg.placed.of(where, error));
  });
  return { result, problems };
}
