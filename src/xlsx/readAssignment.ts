import { textKey, type GroupAssignment, type RuleSet } from "../domain";
import { parseCell } from "../layout/addresses";
import { ASSIGNMENT_ROWS, ASSIGNMENT_TABLE_PREFIX } from "../layout/province";
import { problem, type Problem } from "../layout/problems";
import { assignSheetMsg, readAssignment } from "../layout/province";
import { readRules } from "../layout/unit";
import { RULE_NAMES, SHEETS, type RuleNameKey } from "../layout/schema";
import { fileCells, grid, namedValue } from "./workbookCells";
import type { XlsxWorkbook } from "./xlsxPackage";

/** A province workbook read back: every group's assignment (tables tblGiao1, tblGiao2 …) and the province's rules. */
export interface ProvinceRead {
  readonly assignments: readonly GroupAssignment[];
  readonly rules: RuleSet;
  readonly problems: readonly Problem[];
}

export function readProvinceWorkbook(book: XlsxWorkbook): ProvinceRead {
  const cells = fileCells(book);
  const ruleValues = Object.fromEntries((Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(cells, RULE_NAMES[key])]));
  const { rules, problems } = readRules(ruleValues);
  const tables = book.tables.filter((t) => textKey(t.name).startsWith(textKey(ASSIGNMENT_TABLE_PREFIX)));
  if (tables.length === 0) problems.push(problem(SHEETS.rules, null, assignSheetMsg.noTable));
  const assignments: GroupAssignment[] = [];
  for (const table of tables) {
    const read = grid(cells, table.sheet, table.ref, table.name);
    const origin = parseCell(read.origin);
    const width = read.values[0]?.length ?? 0;
    /** A row of the layout above the header, wherever the table now starts. */
    const rowOf = (layoutRow: number) => origin.row - (ASSIGNMENT_ROWS.header - layoutRow);
    const row = (layoutRow: number) => Array.from({ length: width }, (_, c) => cells.cell(table.sheet, rowOf(layoutRow), origin.column + c).value);
    const result = readAssignment({
      sheet: table.sheet,
      origin: read.origin,
      values: read.values,
      heads: row(ASSIGNMENT_ROWS.head),
      kinds: row(ASSIGNMENT_ROWS.kind),
      group: cells.cell(table.sheet, rowOf(ASSIGNMENT_ROWS.group), 2).value,
      year: cells.cell(table.sheet, rowOf(ASSIGNMENT_ROWS.year), 2).value,
    });
    problems.push(...result.problems);
    if (result.assignment) assignments.push(result.assignment);
  }
  return { assignments, rules, problems };
}
