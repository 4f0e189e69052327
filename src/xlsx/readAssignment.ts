import { textKey } from "../domain";
import { ASSIGNMENT_TABLE_PREFIX, readProvince, type ProvinceRead } from "../layout/province";
import { RULE_NAMES, type RuleNameKey } from "../layout/schema";
import { fileCells, grid, namedValue } from "./workbookCells";
import type { XlsxWorkbook } from "./xlsxPackage";

export type { ProvinceRead } from "../layout/province";

/** A province workbook file read back: every group's assignment and the province's rules. */
export function readProvinceWorkbook(book: XlsxWorkbook): ProvinceRead {
  const cells = fileCells(book);
  const ruleValues = Object.fromEntries((Object.keys(RULE_NAMES) as RuleNameKey[]).map((key) => [key, namedValue(cells, RULE_NAMES[key])]));
  const tables = book.tables
    .filter((t) => textKey(t.name).startsWith(textKey(ASSIGNMENT_TABLE_PREFIX)))
    .map((table) => grid(cells, table.sheet, table.ref, table.name));
  return readProvince(tables, (sheet, row, column) => cells.cell(sheet, row, column).value, ruleValues);
}
